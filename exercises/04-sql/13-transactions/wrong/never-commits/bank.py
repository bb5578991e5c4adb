"""Money transfers between the bank's accounts (tables in schema.sql)."""

import sqlite3


def transfer(db, from_id, to_id, amount):
    """Move amount cents from account from_id to account to_id, and record
    the transfer. All of it happens, or none of it. Returns the id of the
    new row in transfers.

    db is an sqlite3.Connection opened with Python's default settings.
    """
    if type(amount) is not int or amount <= 0:
        raise ValueError("amount must be a positive number of cents, not %r" % (amount,))
    if from_id == to_id:
        raise ValueError("cannot transfer from an account to itself")

    for account in (from_id, to_id):
        if db.execute("SELECT 1 FROM accounts WHERE id = ?", (account,)).fetchone() is None:
            raise LookupError("no account %r" % (account,))
    try:
        db.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", (amount, from_id))
        db.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", (amount, to_id))
        cursor = db.execute(
            "INSERT INTO transfers (from_id, to_id, amount) VALUES (?, ?, ?)",
            (from_id, to_id, amount),
        )
    except sqlite3.Error:
        db.rollback()
        raise
    return cursor.lastrowid
