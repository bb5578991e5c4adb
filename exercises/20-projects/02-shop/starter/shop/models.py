from django.conf import settings
from django.db import models


class Product(models.Model):
    # Step 1: name, price, stock, active (see README.md).

    def __str__(self):
        return super().__str__()


class CartItem(models.Model):
    # Step 1: user, product, quantity; one line per user and product;
    # a line_total property.
    pass


class Order(models.Model):
    # Step 1: user, created_at, total.
    pass


class OrderItem(models.Model):
    # Step 1: order, product, quantity, unit_price; a line_total property.
    pass
