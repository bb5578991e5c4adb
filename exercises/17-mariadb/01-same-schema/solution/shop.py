"""The shop's writes and reads on MariaDB (tables in schema.sql).

Every function gets `conn`, an open MySQLdb connection (autocommit off),
commits what it changes, and on an error rolls back and lets the error
reach the caller.
"""

import MySQLdb


def write(conn, sql, params):
    """Run one statement and commit; on an error roll back (so that conn
    can be used again) and raise it. Returns the cursor."""
    cursor = conn.cursor()
    try:
        cursor.execute(sql, params)
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return cursor


def add_customer(conn, email, name):
    """Add a customer; return the new id."""
    # MariaDB has no RETURNING on every statement as PostgreSQL does; the
    # cursor's lastrowid is the AUTO_INCREMENT id the INSERT made
    # (SELECT LAST_INSERT_ID() on the same connection says the same).
    return write(conn, "INSERT INTO customers (email, name) VALUES (%s, %s)", (email, name)).lastrowid


def save_customer(conn, email, name):
    """Add the customer, or rename the one with this email; return the
    customer's id either way."""
    # ON DUPLICATE KEY UPDATE fires on any unique key (here email). When it
    # updates, lastrowid is not that row's id: id = LAST_INSERT_ID(id) makes
    # it so.
    return write(
        conn,
        "INSERT INTO customers (email, name) VALUES (%s, %s)"
        " ON DUPLICATE KEY UPDATE name = VALUES(name), id = LAST_INSERT_ID(id)",
        (email, name),
    ).lastrowid


def receive_stock(conn, sku, name, price, quantity):
    """Add the product with quantity in stock, or add quantity to the stock
    of the one there (which takes the new name and price); return the new
    stock."""
    cursor = conn.cursor()
    try:
        # VALUES(col) is the value the INSERT proposed, col the stored one.
        cursor.execute(
            "INSERT INTO products (sku, name, price, stock) VALUES (%s, %s, %s, %s)"
            " ON DUPLICATE KEY UPDATE name = VALUES(name), price = VALUES(price), stock = stock + VALUES(stock)",
            (sku, name, price, quantity),
        )
        # Read it back in the same transaction, before anyone else changes it.
        cursor.execute("SELECT stock FROM products WHERE sku = %s", (sku,))
        (stock,) = cursor.fetchone()
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return stock


def add_order(conn, customer_id, placed_on):
    """Add an order of the customer on the day placed_on (text,
    YYYY-MM-DD); return its id."""
    # In strict mode (MariaDB's default) a date that does not exist is an
    # error, not a silent 0000-00-00.
    return write(conn, "INSERT INTO orders (customer_id, placed_on) VALUES (%s, %s)", (customer_id, placed_on)).lastrowid


def set_setting(conn, key, value):
    """Store value under key, replacing what was there."""
    write(
        conn,
        "INSERT INTO settings (`key`, `value`) VALUES (%s, %s) ON DUPLICATE KEY UPDATE `value` = VALUES(`value`)",
        (key, value),
    )


def get_setting(conn, key):
    """The value stored under key, or None."""
    cursor = conn.cursor()
    cursor.execute("SELECT `value` FROM settings WHERE `key` = %s", (key,))
    row = cursor.fetchone()
    conn.rollback()  # end the read's transaction
    return row[0] if row else None
