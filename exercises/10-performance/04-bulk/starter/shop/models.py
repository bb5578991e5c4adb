from django.db import models


class Product(models.Model):
    sku = models.CharField(max_length=20, unique=True)  # e.g. "BK-0042"
    name = models.CharField(max_length=100)
    category = models.CharField(max_length=50)
    price_cents = models.IntegerField()
    stock = models.IntegerField(default=0)
