from django.db import models


class Product(models.Model):
    # Add the fields described in README.md:
    # name, description, price, in_stock, created_at, updated_at.

    def __str__(self):
        return super().__str__()
