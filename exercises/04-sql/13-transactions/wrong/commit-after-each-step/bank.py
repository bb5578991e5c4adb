"""Money transfers between the bank's accounts (tables in schema.sql)."""

import sqlite3


def transfer(db, from_id, to_id, amount):
    if type(amount) is not int or amount <= 0:
        raise ValueError("amount must be a positive number of cents, not %r" % (amount,))
    if from_id == to_id:
        raise ValueError("cannot transfer from an account to itself")

    for account in (from_id, to_id):
        if db.execute("SELECT 1 FROM accounts WHERE id = ?", (account,)).fetchone() is None:
            raise LookupError("no account %r" % (account,))
    with db:
        db.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", (amount, from_id))
    with db:
        db.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", (amount, to_id))
    with db:
        cursor = db.execute(
            "INSERT INTO transfers (from_id, to_id, amount) VALUES (?, ?, ?)",
            (from_id, to_id, amount),
        )
    return cursor.lastrowid
