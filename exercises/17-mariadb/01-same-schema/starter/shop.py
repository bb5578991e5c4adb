"""The shop's writes and reads on MariaDB (tables in schema.sql).

Every function gets `conn`, an open MySQLdb connection (autocommit off),
commits what it changes, and on an error rolls back and lets the error
reach the caller.
"""

import MySQLdb


def add_customer(conn, email, name):
    """Add a customer; return the new id."""
    return None


def save_customer(conn, email, name):
    """Add the customer, or rename the one with this email; return the
    customer's id either way."""
    return None


def receive_stock(conn, sku, name, price, quantity):
    """Add the product with quantity in stock, or add quantity to the stock
    of the one there (which takes the new name and price); return the new
    stock."""
    return None


def add_order(conn, customer_id, placed_on):
    """Add an order of the customer on the day placed_on (text,
    YYYY-MM-DD); return its id."""
    return None


def set_setting(conn, key, value):
    """Store value under key, replacing what was there."""


def get_setting(conn, key):
    """The value stored under key, or None."""
    return None
