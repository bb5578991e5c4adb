from decimal import Decimal

import pytest
from django.db import IntegrityError, models, transaction

from shop.models import CartItem, Order, OrderItem, Product
from testdata import make_product, make_user, put_in_cart

pytestmark = pytest.mark.django_db


def field(model, name):
    names = [f.name for f in model._meta.get_fields()]
    assert name in names, f"{model.__name__} has no field {name!r} yet"
    return model._meta.get_field(name)


def test_step1_a_product_has_a_name_an_exact_price_and_stock():
    assert field(Product, "name").max_length == 100
    price = field(Product, "price")
    assert isinstance(price, models.DecimalField)
    assert (price.max_digits, price.decimal_places) == (8, 2)
    assert isinstance(field(Product, "stock"), models.PositiveIntegerField)
    product = Product.objects.create(name="Pen", price=Decimal("1.50"))
    assert (product.stock, product.active) == (0, True)
    assert str(product) == "Pen"


def test_step1_a_cart_item_has_a_line_total():
    ada = make_user()
    line = put_in_cart(ada, make_product(price="0.10"), 3)
    line.refresh_from_db()
    assert line.line_total == Decimal("0.30")
    assert list(ada.cart_items.all()) == [line]


def test_step1_a_cart_item_is_one_by_default():
    line = CartItem.objects.create(user=make_user(), product=make_product())
    assert line.quantity == 1


def test_step1_a_product_is_in_a_cart_once_per_user():
    ada, bob = make_user("ada"), make_user("bob")
    pen = make_product()
    put_in_cart(ada, pen)
    put_in_cart(bob, pen)
    with pytest.raises(IntegrityError):
        with transaction.atomic():
            put_in_cart(ada, pen, 2)


def test_step1_an_order_has_items_with_their_own_prices():
    ada = make_user()
    pen = make_product(price="1.50")
    order = Order.objects.create(user=ada, total=Decimal("3.00"))
    item = OrderItem.objects.create(order=order, product=pen, quantity=2, unit_price=Decimal("1.50"))
    assert order.created_at is not None
    assert list(order.items.all()) == [item]
    assert list(ada.orders.all()) == [order]
    assert item.line_total == Decimal("3.00")
    total = field(Order, "total")
    assert isinstance(total, models.DecimalField)
    assert total.decimal_places == 2


def test_step1_a_sold_product_cannot_be_deleted():
    pen = make_product()
    order = Order.objects.create(user=make_user(), total=Decimal("1.50"))
    OrderItem.objects.create(order=order, product=pen, quantity=1, unit_price=Decimal("1.50"))
    with pytest.raises(models.ProtectedError):
        pen.delete()


def test_step1_deleting_an_order_deletes_its_items():
    order = Order.objects.create(user=make_user(), total=Decimal("1.50"))
    OrderItem.objects.create(order=order, product=make_product(), quantity=1, unit_price=Decimal("1.50"))
    order.delete()
    assert OrderItem.objects.count() == 0
