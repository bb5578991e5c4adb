"""Withdrawals that check the balance without a lock, then subtract in SQL:
no update is lost, but two can pass the check together."""

import psycopg


class InsufficientFunds(Exception):
    """The account holds less than the amount asked for."""


def withdraw(account_id, amount):
    if type(amount) is not int or amount <= 0:
        raise ValueError("amount must be a positive number of cents, not %r" % (amount,))
    with psycopg.connect() as conn:
        row = conn.execute("SELECT balance FROM accounts WHERE id = %s", (account_id,)).fetchone()
        if row is None:
            raise LookupError("no account %r" % (account_id,))
        if row[0] < amount:
            raise InsufficientFunds("account %r holds %d, not %d" % (account_id, row[0], amount))
        (balance,) = conn.execute(
            "UPDATE accounts SET balance = balance - %s WHERE id = %s RETURNING balance",
            (amount, account_id),
        ).fetchone()
    return balance
