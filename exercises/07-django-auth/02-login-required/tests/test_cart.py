import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db


def make_user(username="alice", password="correct-horse"):
    return User.objects.create_user(username=username, password=password)


def logged_in(username="alice"):
    """A test client logged in as a new user."""
    client = Client()
    client.force_login(make_user(username))
    return client


def visits(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.json()["visits"]


def add(client, product, quantity=None):
    data = {"product": product}
    if quantity is not None:
        data["quantity"] = quantity
    return client.post("/cart/add/", data)


def cart(client):
    response = client.get("/cart/")
    assert response.status_code == 200
    return response.json()


def test_the_home_page_counts_visits_in_the_session(client):
    assert [visits(client), visits(client), visits(client)] == [1, 2, 3]


def test_each_visitor_has_their_own_visit_count():
    first, second = Client(), Client()
    visits(first)
    visits(first)
    assert visits(second) == 1
    assert visits(first) == 3


def test_the_cart_sends_anonymous_visitors_to_log_in(client):
    response = client.get("/cart/")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/cart/"


def test_adding_to_the_cart_needs_a_login_too(client):
    response = add(client, "pen")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/cart/add/"


def test_after_logging_in_the_user_is_back_on_the_cart(client):
    make_user()
    response = client.post(
        "/login/?next=/cart/", {"username": "alice", "password": "correct-horse", "next": "/cart/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/cart/"
    assert cart(client) == {"items": {}, "total": 0}
    add(client, "mug")
    assert cart(client) == {"items": {"mug": 1}, "total": 850}


def test_an_added_product_is_in_the_cart():
    client = logged_in()
    response = add(client, "pen")
    assert response.status_code == 302
    assert response["Location"] == "/cart/"
    assert cart(client) == {"items": {"pen": 1}, "total": 150}


def test_adding_more_products_adds_up():
    client = logged_in()
    add(client, "pen")
    add(client, "mug")
    add(client, "pen")
    assert cart(client) == {"items": {"pen": 2, "mug": 1}, "total": 1150}


def test_a_quantity_can_be_given():
    client = logged_in()
    add(client, "notebook", 3)
    add(client, "notebook", "2")
    assert cart(client) == {"items": {"notebook": 5}, "total": 2000}


@pytest.mark.parametrize("quantity", ["0", "-2", "two", "1.5"])
def test_a_bad_quantity_is_refused(quantity):
    client = logged_in()
    add(client, "pen")
    response = add(client, "pen", quantity)
    assert response.status_code == 400
    assert cart(client) == {"items": {"pen": 1}, "total": 150}


def test_an_unknown_product_is_not_found():
    client = logged_in()
    add(client, "pen")
    response = add(client, "spaceship")
    assert response.status_code == 404
    assert cart(client) == {"items": {"pen": 1}, "total": 150}


def test_adding_needs_a_post():
    client = logged_in()
    response = client.get("/cart/add/", {"product": "pen"})
    assert response.status_code == 405
    assert cart(client) == {"items": {}, "total": 0}


def test_every_user_has_their_own_cart():
    alice, bob = logged_in("alice"), logged_in("bob")
    add(alice, "mug")
    add(bob, "pen", 2)
    assert cart(alice) == {"items": {"mug": 1}, "total": 850}
    assert cart(bob) == {"items": {"pen": 2}, "total": 300}


@pytest.mark.hidden
def test_logging_out_forgets_the_cart():
    """Logging out ends the session: after logging in again, the cart is empty."""
    client = logged_in()
    add(client, "pen")
    assert cart(client) == {"items": {"pen": 1}, "total": 150}
    assert client.post("/logout/").status_code == 302
    client.force_login(User.objects.get(username="alice"))
    assert cart(client) == {"items": {}, "total": 0}
