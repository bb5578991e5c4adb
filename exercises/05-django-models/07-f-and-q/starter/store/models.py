from django.db import models


class Product(models.Model):
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    price = models.DecimalField(max_digits=8, decimal_places=2)
    # None while the product is not on sale.
    sale_price = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    stock = models.PositiveIntegerField(default=0)
    # Order more when the stock is at or below this level.
    reorder_level = models.PositiveIntegerField(default=5)
    discontinued = models.BooleanField(default=False)

    def __str__(self):
        return self.name
