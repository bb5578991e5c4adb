import pytest

from testdata import make_product

pytestmark = pytest.mark.django_db


def test_step2_the_catalogue_lists_active_products_by_name(client):
    pen = make_product("Pen", "1.50", stock=10)
    book = make_product("Book", "12.99", stock=0)
    make_product("Old lamp", "20.00", active=False)
    response = client.get("/products/")
    assert response.status_code == 200
    assert response.json() == {
        "products": [
            {"id": book.id, "name": "Book", "price": "12.99", "stock": 0},
            {"id": pen.id, "name": "Pen", "price": "1.50", "stock": 10},
        ]
    }


def test_step2_prices_always_have_two_decimals(client):
    make_product("Mug", "7.5")
    make_product("Pad", "3")
    prices = [p["price"] for p in client.get("/products/").json()["products"]]
    assert prices == ["7.50", "3.00"]


def test_step2_a_product_has_its_own_page(client):
    pen = make_product("Pen", "1.50", stock=4)
    response = client.get(f"/products/{pen.id}/")
    assert response.status_code == 200
    assert response.json() == {"id": pen.id, "name": "Pen", "price": "1.50", "stock": 4}


def test_step2_an_inactive_or_missing_product_is_404(client):
    lamp = make_product("Old lamp", active=False)
    assert client.get(f"/products/{lamp.id}/").status_code == 404
    assert client.get("/products/999/").status_code == 404
