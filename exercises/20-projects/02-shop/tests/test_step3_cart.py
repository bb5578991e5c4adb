import pytest

from shop.models import CartItem
from testdata import logged_in, make_product, make_user, put_in_cart

pytestmark = pytest.mark.django_db


def add(client, product, quantity=None):
    data = {"product": product.id}
    if quantity is not None:
        data["quantity"] = quantity
    return client.post("/cart/add/", data)


def test_step3_the_cart_needs_a_login(client):
    pen = make_product()
    assert client.get("/cart/").status_code == 401
    assert add(client, pen).status_code == 401
    assert client.post("/cart/remove/", {"product": pen.id}).status_code == 401
    assert CartItem.objects.count() == 0


def test_step3_a_new_cart_is_empty(client):
    response = logged_in(client, make_user()).get("/cart/")
    assert response.status_code == 200
    assert response.json() == {"items": [], "total": "0.00"}


def test_step3_adding_a_product_puts_one_in_the_cart(client):
    ada = make_user()
    pen = make_product("Pen", "1.50")
    response = add(logged_in(client, ada), pen)
    assert response.status_code == 200
    assert response.json() == {
        "items": [{"product": pen.id, "name": "Pen", "unit_price": "1.50", "quantity": 1, "line_total": "1.50"}],
        "total": "1.50",
    }
    assert CartItem.objects.get().user == ada


def test_step3_adding_again_adds_to_the_same_line(client):
    pen = make_product("Pen", "1.50")
    client = logged_in(client, make_user())
    add(client, pen, 2)
    response = add(client, pen, 3)
    assert response.json()["items"][0]["quantity"] == 5
    assert CartItem.objects.get().quantity == 5


def test_step3_the_cart_shows_lines_by_name_and_an_exact_total(client):
    pen = make_product("Pen", "0.10")
    book = make_product("Book", "12.99")
    client = logged_in(client, make_user())
    add(client, pen, 3)
    add(client, book, 2)
    response = client.get("/cart/")
    assert response.json() == {
        "items": [
            {"product": book.id, "name": "Book", "unit_price": "12.99", "quantity": 2, "line_total": "25.98"},
            {"product": pen.id, "name": "Pen", "unit_price": "0.10", "quantity": 3, "line_total": "0.30"},
        ],
        "total": "26.28",
    }


@pytest.mark.parametrize("quantity", ["0", "-1", "abc", "1.5", ""])
def test_step3_a_quantity_must_be_a_whole_number_of_at_least_one(client, quantity):
    pen = make_product()
    response = add(logged_in(client, make_user()), pen, quantity)
    assert response.status_code == 400
    assert "error" in response.json()
    assert CartItem.objects.count() == 0


def test_step3_a_missing_or_inactive_product_cannot_be_added(client):
    lamp = make_product("Old lamp", active=False)
    client = logged_in(client, make_user())
    assert add(client, lamp).status_code == 404
    assert client.post("/cart/add/", {"product": 999}).status_code == 404
    assert CartItem.objects.count() == 0


def test_step3_the_cart_cannot_hold_more_than_the_stock(client):
    pen = make_product(stock=3)
    client = logged_in(client, make_user())
    assert add(client, pen, 4).status_code == 409
    assert add(client, pen, 2).status_code == 200
    response = add(client, pen, 2)
    assert response.status_code == 409
    assert "error" in response.json()
    assert CartItem.objects.get().quantity == 2
    assert add(client, pen, 1).status_code == 200


def test_step3_removing_a_product_from_the_cart(client):
    ada = make_user()
    pen, book = make_product("Pen", "1.50"), make_product("Book", "12.99")
    put_in_cart(ada, pen, 2)
    put_in_cart(ada, book)
    response = logged_in(client, ada).post("/cart/remove/", {"product": pen.id})
    assert response.status_code == 200
    assert response.json()["total"] == "12.99"
    assert [line.product for line in CartItem.objects.all()] == [book]
    assert client.post("/cart/remove/", {"product": pen.id}).status_code == 404


def test_step3_each_user_has_their_own_cart(client):
    ada, bob = make_user("ada"), make_user("bob")
    put_in_cart(ada, make_product("Pen"), 2)
    assert logged_in(client, bob).get("/cart/").json() == {"items": [], "total": "0.00"}
