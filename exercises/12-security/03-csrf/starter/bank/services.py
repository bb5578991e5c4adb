"""The bank's business logic (you don't need to change it)."""

from django.db import transaction
from django.db.models import F

from bank.models import Account


def send_money(sender, to_username, amount_text):
    """Move amount_text euros from the sender's account to to_username's.

    Returns None when the money was sent, else a message saying why not.
    """
    try:
        amount = int(amount_text)
    except (TypeError, ValueError):
        return "The amount must be a whole number of euros."
    if amount <= 0:
        return "The amount must be at least 1 euro."
    with transaction.atomic():
        account = Account.objects.select_for_update().get(owner=sender)
        receiver = Account.objects.filter(owner__username=to_username).exclude(owner=sender).first()
        if receiver is None:
            return f"There is no other customer called {to_username!r}."
        if amount > account.balance:
            return "Your balance is too low."
        Account.objects.filter(pk=account.pk).update(balance=F("balance") - amount)
        Account.objects.filter(pk=receiver.pk).update(balance=F("balance") + amount)
    return None
