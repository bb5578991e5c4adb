"""The shop's writes that insert a row or change the one that is there
(tables in schema.sql).

Every function gets `conn`, an open psycopg.Connection (not in autocommit
mode), and commits what it changes.
"""

import psycopg


def save_customer(conn, email, name):
    """Add the customer with this email, or give the existing one the new
    name; return the customer's id."""
    # One statement, atomic: if the email is taken (now, or by a transaction
    # that commits while this one waits), the existing row is updated.
    # EXCLUDED is the row this INSERT proposed.
    with conn.transaction():
        (customer_id,) = conn.execute(
            "INSERT INTO customers (email, name) VALUES (%s, %s)"
            " ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name"
            " RETURNING id",
            (email, name),
        ).fetchone()
    return customer_id


def receive_stock(conn, sku, name, price, quantity):
    """A delivery of quantity units of the product sku: a new product is
    added with that stock, a known one gets the quantity added to its stock
    and takes the delivery's name and price. Return the new stock."""
    # products.stock is the stored row's value, EXCLUDED.stock the delivery.
    with conn.transaction():
        (stock,) = conn.execute(
            "INSERT INTO products (sku, name, price, stock) VALUES (%s, %s, %s, %s)"
            " ON CONFLICT (sku) DO UPDATE"
            " SET name = EXCLUDED.name, price = EXCLUDED.price, stock = products.stock + EXCLUDED.stock"
            " RETURNING stock",
            (sku, name, price, quantity),
        ).fetchone()
    return stock


def tag_product(conn, sku, tag):
    """Give the product the tag; True if it is new, False if the product
    had it already."""
    # DO NOTHING returns no row when the tag was there: RETURNING tells.
    with conn.transaction():
        row = conn.execute(
            "INSERT INTO product_tags (sku, tag) VALUES (%s, %s) ON CONFLICT DO NOTHING RETURNING tag",
            (sku, tag),
        ).fetchone()
    return row is not None
