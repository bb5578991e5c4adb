from django.db import models


class Order(models.Model):
    # The order number printed on invoices, e.g. "A-10293". No two orders
    # may share one.
    reference = models.CharField(max_length=20, unique=True)
    customer_email = models.EmailField(db_index=True)
    # "open", "paid", "shipped" or "cancelled"
    status = models.CharField(max_length=20)
    created_at = models.DateTimeField()
    total_cents = models.IntegerField()
    note = models.TextField(blank=True)

    class Meta:
        indexes = [
            # Equality column first, then the column it is sorted by.
            models.Index(fields=["status", "created_at"], name="order_status_created_idx"),
        ]
