from django.conf import settings
from django.db import models


class Invoice(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invoices")
    number = models.CharField(max_length=20, unique=True)
    customer_name = models.CharField(max_length=100)
    address = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=8, decimal_places=2)
    paid = models.BooleanField(default=False)

    def __str__(self):
        return self.number

    def as_dict(self):
        return {
            "id": self.id,
            "number": self.number,
            "customer_name": self.customer_name,
            "address": self.address,
            "amount": str(self.amount),
            "paid": self.paid,
        }
