from django.db import models


class Order(models.Model):
    reference = models.CharField(max_length=20, unique=True)
    customer_email = models.EmailField(db_index=True)
    status = models.CharField(max_length=20)
    created_at = models.DateTimeField()
    # No query looks these up: their indexes only slow every write down.
    total_cents = models.IntegerField(db_index=True)
    note = models.TextField(blank=True, db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["status", "created_at"], name="order_status_created_idx"),
            models.Index(fields=["reference"], name="order_reference_idx"),
        ]
