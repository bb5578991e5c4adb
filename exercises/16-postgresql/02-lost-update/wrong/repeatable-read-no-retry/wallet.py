"""Withdrawals in REPEATABLE READ, which refuses a lost update with a
serialization failure, but never tries again."""

import psycopg


class InsufficientFunds(Exception):
    """The account holds less than the amount asked for."""


def withdraw(account_id, amount):
    if type(amount) is not int or amount <= 0:
        raise ValueError("amount must be a positive number of cents, not %r" % (amount,))
    with psycopg.connect() as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        row = conn.execute("SELECT balance FROM accounts WHERE id = %s", (account_id,)).fetchone()
        if row is None:
            raise LookupError("no account %r" % (account_id,))
        balance = row[0]
        if balance < amount:
            raise InsufficientFunds("account %r holds %d, not %d" % (account_id, balance, amount))
        conn.execute("UPDATE accounts SET balance = %s WHERE id = %s", (balance - amount, account_id))
    return balance - amount
