from django.db import models


class Product(models.Model):
    """A row of the table shop_product."""

    name = models.CharField(max_length=100)
    # Products that are not public (prototypes, withdrawn items) must never
    # show up in the shop's search.
    public = models.BooleanField(default=True)

    def __str__(self):
        return self.name
