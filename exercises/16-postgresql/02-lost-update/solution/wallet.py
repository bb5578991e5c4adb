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
    if type(amount) is not int or amount <= 0:
        raise ValueError("amount must be a positive number of cents, not %r" % (amount,))
    # `with psycopg.connect()` commits at the end of the block (rolls back
    # if an exception leaves it) and closes the connection.
    with psycopg.connect() as conn:
        # FOR UPDATE locks the row until this transaction ends: a second
        # withdrawal waits here, and then reads the balance this one left.
        row = conn.execute(
            "SELECT balance FROM accounts WHERE id = %s FOR UPDATE", (account_id,)
        ).fetchone()
        if row is None:
            raise LookupError("no account %r" % (account_id,))
        balance = row[0]
        if balance < amount:
            raise InsufficientFunds("account %r holds %d, not %d" % (account_id, balance, amount))
        conn.execute("UPDATE accounts SET balance = %s WHERE id = %s", (balance - amount, account_id))
    return balance - amount
