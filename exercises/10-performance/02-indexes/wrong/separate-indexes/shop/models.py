from django.db import models


class Order(models.Model):
    reference = models.CharField(max_length=20, unique=True)
    customer_email = models.EmailField(db_index=True)
    # Two single-column indexes: the database can use one of them to find
    # the status, but must then sort the rows itself.
    status = models.CharField(max_length=20, db_index=True)
    created_at = models.DateTimeField(db_index=True)
    total_cents = models.IntegerField()
    note = models.TextField(blank=True)
