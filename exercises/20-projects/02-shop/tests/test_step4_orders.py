from decimal import Decimal

import pytest

from shop.models import CartItem, Order, Product
from testdata import logged_in, make_product, make_user, put_in_cart

pytestmark = pytest.mark.django_db


def checkout(client):
    return client.post("/orders/")


def test_step4_ordering_needs_a_login(client):
    assert checkout(client).status_code == 401
    assert client.get("/orders/").status_code == 401


def test_step4_an_order_is_made_from_the_cart(client):
    ada = make_user()
    pen, book = make_product("Pen", "0.10", stock=10), make_product("Book", "12.99", stock=2)
    put_in_cart(ada, pen, 3)
    put_in_cart(ada, book, 2)
    response = checkout(logged_in(client, ada))
    assert response.status_code == 201
    order = Order.objects.get()
    assert order.user == ada
    assert order.total == Decimal("26.28")
    data = response.json()
    assert (data["id"], data["total"], data["created_at"]) == (order.id, "26.28", order.created_at.isoformat())
    assert sorted((i["name"], i["quantity"], i["unit_price"], i["line_total"]) for i in data["items"]) == [
        ("Book", 2, "12.99", "25.98"),
        ("Pen", 3, "0.10", "0.30"),
    ]


def test_step4_an_order_takes_its_items_out_of_stock(client):
    ada = make_user()
    pen = make_product("Pen", stock=10)
    put_in_cart(ada, pen, 3)
    checkout(logged_in(client, ada))
    pen.refresh_from_db()
    assert pen.stock == 7


@pytest.mark.hidden
def test_step4_an_order_empties_the_cart(client):
    """After a successful order the user's cart must be empty."""
    ada, bob = make_user("ada"), make_user("bob")
    put_in_cart(ada, make_product("Pen"), 1)
    put_in_cart(bob, make_product("Book"), 1)
    assert checkout(logged_in(client, ada)).status_code == 201
    assert client.get("/cart/").json() == {"items": [], "total": "0.00"}
    assert CartItem.objects.filter(user=bob).count() == 1
    assert checkout(client).status_code == 400


def test_step4_an_empty_cart_cannot_be_ordered(client):
    response = checkout(logged_in(client, make_user()))
    assert response.status_code == 400
    assert "error" in response.json()
    assert Order.objects.count() == 0


@pytest.mark.hidden
def test_step4_stock_is_checked_again_when_ordering(client):
    """The stock may have dropped since the product went into the cart: check it again when ordering (409), and change nothing."""
    ada = make_user()
    pen, book = make_product("Pen", stock=10), make_product("Book", stock=5)
    put_in_cart(ada, pen, 2)
    put_in_cart(ada, book, 3)
    Product.objects.filter(pk=book.pk).update(stock=1)  # somebody else bought some meanwhile
    response = checkout(logged_in(client, ada))
    assert response.status_code == 409
    assert "error" in response.json()
    assert Order.objects.count() == 0
    assert [p.stock for p in Product.objects.order_by("name")] == [1, 10]
    assert CartItem.objects.filter(user=ada).count() == 2


def test_step4_a_product_no_longer_sold_cannot_be_ordered(client):
    ada = make_user()
    lamp = make_product("Lamp", stock=5)
    put_in_cart(ada, lamp, 1)
    Product.objects.filter(pk=lamp.pk).update(active=False)
    assert checkout(logged_in(client, ada)).status_code == 409
    assert Order.objects.count() == 0


def test_step4_an_order_keeps_the_prices_it_was_sold_at(client):
    ada = make_user()
    pen = make_product("Pen", "1.50", stock=10)
    put_in_cart(ada, pen, 2)
    order_id = checkout(logged_in(client, ada)).json()["id"]
    Product.objects.filter(pk=pen.pk).update(price=Decimal("9.99"))
    data = client.get(f"/orders/{order_id}/").json()
    assert data["total"] == "3.00"
    assert [(i["unit_price"], i["line_total"]) for i in data["items"]] == [("1.50", "3.00")]


def test_step4_the_order_list_shows_your_orders_newest_first(client):
    ada, bob = make_user("ada"), make_user("bob")
    pen = make_product("Pen", "1.00", stock=10)
    client = logged_in(client, ada)
    put_in_cart(ada, pen, 1)
    first = checkout(client).json()
    put_in_cart(ada, pen, 2)
    second = checkout(client).json()
    put_in_cart(bob, pen, 1)
    logged_in(client, bob)
    checkout(client)
    logged_in(client, ada)
    response = client.get("/orders/")
    assert response.status_code == 200
    assert response.json() == {
        "orders": [
            {"id": second["id"], "created_at": second["created_at"], "total": "2.00"},
            {"id": first["id"], "created_at": first["created_at"], "total": "1.00"},
        ]
    }


def test_step4_an_order_can_be_read_back(client):
    ada = make_user()
    put_in_cart(ada, make_product("Pen", "1.50"), 2)
    made = checkout(logged_in(client, ada)).json()
    response = client.get(f"/orders/{made['id']}/")
    assert response.status_code == 200
    assert response.json() == made


def test_step4_somebody_elses_order_is_404(client):
    ada, bob = make_user("ada"), make_user("bob")
    put_in_cart(ada, make_product("Pen"), 1)
    order_id = checkout(logged_in(client, ada)).json()["id"]
    assert logged_in(client, bob).get(f"/orders/{order_id}/").status_code == 404
    assert client.get("/orders/999/").status_code == 404
