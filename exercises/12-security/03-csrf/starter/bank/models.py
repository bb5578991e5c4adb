from django.conf import settings
from django.db import models


class Account(models.Model):
    """A user's bank account; the balance is in whole euros."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account")
    balance = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.owner}: {self.balance} euros"


class Payee(models.Model):
    """Somebody a user often sends money to (by their username)."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="payees")
    username = models.CharField(max_length=150)

    def __str__(self):
        return f"{self.owner} -> {self.username}"
