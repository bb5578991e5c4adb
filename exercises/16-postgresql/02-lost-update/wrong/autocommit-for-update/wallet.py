"""Withdrawals that lock the row with FOR UPDATE, but in autocommit mode:
the SELECT is a transaction of its own, and its lock ends with it."""

import psycopg


class InsufficientFunds(Exception):
    """The account holds less than the amount asked for."""


def withdraw(account_id, amount):
    if type(amount) is not int or amount <= 0:
        raise ValueError("amount must be a positive number of cents, not %r" % (amount,))
    with psycopg.connect(autocommit=True) as conn:
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
