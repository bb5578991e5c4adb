from django.conf import settings
from django.db import models


class Account(models.Model):
    """A savings account. Only the bank changes the balance (with deposits and
    transfers, not shown here) and sets verified, after checking papers."""

    CURRENCIES = [("EUR", "Euro"), ("USD", "US dollar"), ("GBP", "Pound sterling")]

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="accounts")
    nickname = models.CharField(max_length=50)
    currency = models.CharField(max_length=3, choices=CURRENCIES, default="EUR")
    balance = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    verified = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.owner}: {self.nickname}"
