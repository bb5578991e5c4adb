from datetime import date

import pytest
from django.urls import reverse

from catalog.converters import IsoDateConverter


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"GET {url} answered {response.status_code}"
    return response.json()


def status(client, url):
    return client.get(url).status_code


def test_the_index_is_at_the_root_of_the_shop(client):
    assert get_json(client, "/shop/")["view"] == "index"


def test_a_product_id_reaches_the_view_as_an_int(client):
    data = get_json(client, "/shop/products/42/")
    assert (data["view"], data["pk"], data["pk_type"]) == ("product_detail", 42, "int")


def test_an_unknown_product_id_is_404(client):
    assert status(client, "/shop/products/42/") == 200
    assert status(client, "/shop/products/7/") == 404


def test_a_slug_redirects_to_the_products_own_url(client):
    response = client.get("/shop/products/desk-lamp/")
    assert response.status_code == 302
    assert response["Location"] == "/shop/products/1/"
    response = client.get("/shop/products/towel/")
    assert (response.status_code, response["Location"]) == (302, "/shop/products/42/")


def test_an_unknown_slug_is_404(client):
    assert status(client, "/shop/products/towel/") == 302
    assert status(client, "/shop/products/teapot/") == 404


@pytest.mark.hidden
def test_a_number_is_an_id_not_a_slug(client):
    """/shop/products/2/ must reach product_detail with pk=2, not the slug view: the order of the routes matters."""
    data = get_json(client, "/shop/products/2/")
    assert (data["view"], data["pk"]) == ("product_detail", 2)


def test_a_date_reaches_the_view_as_a_date(client):
    data = get_json(client, "/shop/events/2024-03-05/")
    assert data == {"view": "events_on_day", "day": "2024-03-05", "day_type": "date", "weekday": "Tuesday"}


def test_a_leap_day_is_a_date(client):
    assert get_json(client, "/shop/events/2024-02-29/")["weekday"] == "Thursday"


@pytest.mark.parametrize("day", ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10"])
def test_a_date_that_does_not_exist_is_404(client, day):
    assert status(client, "/shop/events/2024-03-05/") == 200
    assert status(client, f"/shop/events/{day}/") == 404


@pytest.mark.parametrize("day", ["2024-3-5", "05-03-2024", "20240305", "2024-03-05x", "today"])
def test_a_date_written_another_way_is_404(client, day):
    assert status(client, "/shop/events/2024-03-05/") == 200
    assert status(client, f"/shop/events/{day}/") == 404


def test_reverse_builds_the_shops_urls():
    assert reverse("catalog:index") == "/shop/"
    assert reverse("catalog:product-detail", args=[7]) == "/shop/products/7/"
    assert reverse("catalog:product-detail", kwargs={"pk": 12}) == "/shop/products/12/"
    assert reverse("catalog:product-by-slug", kwargs={"slug": "desk-lamp"}) == "/shop/products/desk-lamp/"


def test_reverse_builds_a_date_url_from_a_date():
    assert reverse("catalog:events-on-day", args=[date(2024, 3, 5)]) == "/shop/events/2024-03-05/"
    assert reverse("catalog:events-on-day", kwargs={"day": date(2025, 1, 9)}) == "/shop/events/2025-01-09/"


def test_the_converter_turns_text_into_a_date_and_back():
    converter = IsoDateConverter()
    assert converter.to_python("2024-03-05") == date(2024, 3, 5)
    assert converter.to_url(date(2025, 1, 9)) == "2025-01-09"


def test_the_converter_refuses_a_date_that_does_not_exist():
    with pytest.raises(ValueError):
        IsoDateConverter().to_python("2024-02-30")
