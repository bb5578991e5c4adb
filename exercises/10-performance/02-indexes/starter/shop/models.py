from django.db import models


class Order(models.Model):
    # The order number printed on invoices, e.g. "A-10293". No two orders
    # may share one.
    reference = models.CharField(max_length=20)
    customer_email = models.EmailField()
    # "open", "paid", "shipped" or "cancelled"
    status = models.CharField(max_length=20)
    created_at = models.DateTimeField()
    total_cents = models.IntegerField()
    note = models.TextField(blank=True)

    # Add the indexes that the queries in shop/queries.py need, and no others.
