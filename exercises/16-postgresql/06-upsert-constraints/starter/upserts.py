"""The shop's writes that insert a row or change the one that is there
(tables in schema.sql).

Every function gets `conn`, an open psycopg.Connection (not in autocommit
mode), and commits what it changes.
"""

import psycopg


def save_customer(conn, email, name):
    """Add the customer with this email, or give the existing one the new
    name; return the customer's id."""
    return None


def receive_stock(conn, sku, name, price, quantity):
    """A delivery of quantity units of the product sku: a new product is
    added with that stock, a known one gets the quantity added to its stock
    and takes the delivery's name and price. Return the new stock."""
    return None


def tag_product(conn, sku, tag):
    """Give the product the tag; True if it is new, False if the product
    had it already."""
    return None
