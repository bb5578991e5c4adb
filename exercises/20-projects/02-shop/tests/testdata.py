"""Test data for the shop's tests (plain functions, called from the tests)."""
from decimal import Decimal

from django.contrib.auth.models import User

from shop.models import CartItem, Product


def make_user(username="ada"):
    return User.objects.create_user(username=username, password="correct horse battery")


def make_product(name="Pen", price="1.50", stock=10, active=True):
    return Product.objects.create(name=name, price=Decimal(price), stock=stock, active=active)


def put_in_cart(user, product, quantity=1):
    return CartItem.objects.create(user=user, product=product, quantity=quantity)


def logged_in(client, user):
    client.force_login(user)
    return client
