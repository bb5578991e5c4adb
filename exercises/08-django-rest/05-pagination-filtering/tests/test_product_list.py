from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from shop.models import Product

pytestmark = pytest.mark.django_db

PRODUCTS = [
    ("Desk lamp", "lighting", "24.90", True),
    ("Floor lamp", "lighting", "89.00", True),
    ("Reading lamp", "lighting", "35.50", False),
    ("Notebook", "paper", "4.50", True),
    ("Sketchbook", "paper", "12.00", True),
    ("Sticky notes", "paper", "3.20", False),
    ("Fountain pen", "writing", "45.00", True),
    ("Ballpoint pen", "writing", "1.20", True),
    ("Pencil", "writing", "0.80", True),
    ("Marker", "writing", "2.50", False),
    ("Desk mat", "desk", "19.99", True),
    ("Monitor stand", "desk", "35.50", True),
]

BY_NAME = [
    "Ballpoint pen", "Desk lamp", "Desk mat", "Floor lamp", "Fountain pen", "Marker",
    "Monitor stand", "Notebook", "Pencil", "Reading lamp", "Sketchbook", "Sticky notes",
]


def shop():
    for name, category, price, in_stock in PRODUCTS:
        Product.objects.create(name=name, category=category, price=Decimal(price), in_stock=in_stock)


def get(**params):
    """The JSON of GET /products/ with these query parameters."""
    response = APIClient().get("/products/", params)
    assert response.status_code == 200
    body = response.json()
    shape = sorted(body) if isinstance(body, dict) else f"a {type(body).__name__}, not a page"
    assert shape == ["count", "next", "previous", "results"]
    return body


def names(**params):
    return [product["name"] for product in get(**params)["results"]]


def test_the_first_page_has_five_products_by_name():
    shop()
    body = get()
    assert body["count"] == 12
    assert body["next"] == "http://testserver/products/?page=2"
    assert body["previous"] is None
    assert [p["name"] for p in body["results"]] == BY_NAME[:5]


def test_each_product_is_shown_with_its_fields():
    shop()
    pencil = Product.objects.get(name="Pencil")
    assert get(search="pencil")["results"] == [
        {"id": pencil.pk, "name": "Pencil", "category": "writing", "price": "0.80", "in_stock": True}
    ]


def test_the_pages_follow_each_other():
    shop()
    assert names(page=2) == BY_NAME[5:10]
    last = get(page=3)
    assert [p["name"] for p in last["results"]] == BY_NAME[10:]
    assert last["next"] is None
    assert last["previous"] == "http://testserver/products/?page=2"


@pytest.mark.parametrize("page", ["4", "0", "last-but-one"])
def test_a_page_that_does_not_exist_is_404(page):
    shop()
    assert APIClient().get("/products/", {"page": page}).status_code == 404


def test_the_page_size_can_be_chosen():
    shop()
    body = get(page_size=3, page=2)
    assert [p["name"] for p in body["results"]] == BY_NAME[3:6]
    assert body["next"] == "http://testserver/products/?page=3&page_size=3"


@pytest.mark.hidden
def test_the_page_size_is_at_most_20():
    """Asking for ?page_size=100 must still give at most 20 products per page (max_page_size)."""
    shop()
    for n in range(30):
        Product.objects.create(name=f"Zip bag {n:02}", category="storage", price=Decimal("0.10"))
    assert len(names(page_size=100)) == 20
    assert len(names(page_size=20)) == 20
    assert len(names(page_size=7)) == 7


def test_products_can_be_filtered_by_category():
    shop()
    body = get(category="lighting")
    assert body["count"] == 3
    assert [p["name"] for p in body["results"]] == ["Desk lamp", "Floor lamp", "Reading lamp"]
    assert get(category="garden")["count"] == 0


def test_products_can_be_filtered_by_a_price_range_with_both_ends_included():
    shop()
    assert names(min_price="3.20", max_price="24.90") == ["Desk lamp", "Desk mat", "Notebook", "Sketchbook", "Sticky notes"]
    assert get(min_price="40")["count"] == 2
    assert names(max_price="1.20") == ["Ballpoint pen", "Pencil"]


def test_products_can_be_filtered_by_stock():
    shop()
    assert names(in_stock="false") == ["Marker", "Reading lamp", "Sticky notes"]
    assert get(in_stock="true")["count"] == 9


def test_search_finds_text_in_the_name_in_any_letter_case():
    shop()
    assert names(search="LAMP") == ["Desk lamp", "Floor lamp", "Reading lamp"]
    assert names(search="pen") == ["Ballpoint pen", "Fountain pen", "Pencil"]


def test_filters_combine_and_the_count_follows_them():
    shop()
    body = get(category="writing", in_stock="true", ordering="-price")
    assert body["count"] == 3
    assert [p["name"] for p in body["results"]] == ["Fountain pen", "Ballpoint pen", "Pencil"]


def test_products_can_be_ordered_by_price_with_ties_by_id():
    shop()
    assert names(ordering="price") == ["Pencil", "Ballpoint pen", "Marker", "Sticky notes", "Notebook"]
    assert names(ordering="-price") == ["Floor lamp", "Fountain pen", "Reading lamp", "Monitor stand", "Desk lamp"]


def test_products_can_be_ordered_by_name_backwards():
    shop()
    assert names(ordering="-name") == list(reversed(BY_NAME))[:5]


def test_an_ordering_that_is_not_allowed_is_ignored():
    shop()
    for ordering in ["secret", "in_stock", "-id", ""]:
        assert (ordering, names(ordering=ordering)) == (ordering, BY_NAME[:5])


def test_a_price_that_is_not_a_number_is_400():
    shop()
    response = APIClient().get("/products/", {"min_price": "cheap"})
    assert response.status_code == 400
    assert list(response.json()) == ["min_price"]
    response = APIClient().get("/products/", {"max_price": "12,50"})
    assert response.status_code == 400
    assert list(response.json()) == ["max_price"]


def test_a_stock_filter_that_is_not_true_or_false_is_400():
    shop()
    response = APIClient().get("/products/", {"in_stock": "maybe"})
    assert response.status_code == 400
    assert list(response.json()) == ["in_stock"]
