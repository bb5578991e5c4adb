"""Withdrawals from the wallet's accounts (table accounts, see schema.sql),
called by many requests at the same time."""

import psycopg


class InsufficientFunds(Exception):
    """The account holds less than the amount asked for."""


def withdraw(account_id, amount):
    """Take amount cents from the account, on a connection of its own, and
    return the new balance. ValueError for an amount that is not a positive
    whole number, LookupError for an unknown account, InsufficientFunds
    when the balance is smaller than amount (then nothing changes)."""
    with psycopg.connect() as conn:
        (balance,) = conn.execute("SELECT balance FROM accounts WHERE id = %s", (account_id,)).fetchone()
    return None
