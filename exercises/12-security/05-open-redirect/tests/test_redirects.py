import pytest
from django.contrib.auth.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def make_user():
    return User.objects.create_user("ada", password=PASSWORD)


def log_in(client, next_url=None, password=PASSWORD):
    data = {"username": "ada", "password": password}
    if next_url is not None:
        data["next"] = next_url
    return client.post("/login/", data)


def is_logged_in(client):
    return client.get("/orders/").status_code == 200


def test_logging_in_takes_you_to_the_page_you_came_from(client):
    make_user()
    response = log_in(client, "/orders/")
    assert response.status_code == 302
    assert response["Location"] == "/orders/"
    assert is_logged_in(client)


def test_a_next_address_with_a_query_string_is_kept(client):
    make_user()
    response = log_in(client, "/orders/?page=2&sort=date")
    assert response["Location"] == "/orders/?page=2&sort=date"


def test_without_a_next_address_you_land_on_the_home_page(client):
    make_user()
    response = log_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_a_wrong_password_shows_the_form_again(client):
    make_user()
    response = log_in(client, "/orders/", password="guess")
    assert response.status_code == 200
    assert "Wrong username or password." in response.content.decode()
    assert not is_logged_in(client)


def test_the_way_from_a_protected_page_through_the_login_and_back(client):
    make_user()
    response = client.get("/orders/")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/orders/"
    form = client.get(response["Location"])
    assert 'name="next" value="/orders/"' in form.content.decode()
    response = log_in(client, "/orders/")
    assert response["Location"] == "/orders/"
    assert "Your orders" in client.get("/orders/").content.decode()


def test_logging_out_takes_you_back_to_a_page_of_the_site(client):
    make_user()
    log_in(client)
    response = client.post("/logout/", {"next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not is_logged_in(client)


ATTACKS = [
    "https://evil.example/login",
    "http://evil.example",
    "//evil.example",
    "//evil.example/orders/",
    "\\\\evil.example",
    "/\\evil.example",
    "\\/evil.example",
    "https:evil.example",
    " //evil.example",
    "http://testserver.evil.example/",
    "ftp://evil.example/",
    "javascript:alert(document.cookie)",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_logging_in_never_leads_to_another_site(client, attack):
    make_user()
    response = log_in(client, attack)
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert is_logged_in(client)


@pytest.mark.parametrize("attack", ["https://evil.example/", "//evil.example", "/\\evil.example"])
def test_logging_out_never_leads_to_another_site(client, attack):
    make_user()
    log_in(client)
    response = client.post("/logout/", {"next": attack})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not is_logged_in(client)


@pytest.mark.hidden
def test_next_in_the_address_is_checked_too(client):
    """A next= in the login page's own address must be checked the same way as the form field."""
    make_user()
    response = client.post("/login/?next=//evil.example", {"username": "ada", "password": PASSWORD})
    assert response["Location"] == "/"
