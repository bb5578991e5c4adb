"""The shop's product attributes, one JSONB document per product (table
products, see schema.sql).

Every function gets `conn`, an open psycopg.Connection in autocommit mode.
"""

import psycopg
from psycopg.types.json import Jsonb


def colour(conn, product_id):
    """The product's colour as text, or None (no such product, no colour,
    or a colour of null)."""
    return None


def size(conn, product_id):
    """The product's "size" object as a dict, or None."""
    return None


def matching(conn, wanted):
    """The ids, in order, of the products whose attrs contain everything in
    the dict `wanted` (JSON containment)."""
    return []


def cheaper_than(conn, price):
    """The ids, in order, of the products with at least one variant whose
    price is below `price`."""
    return []


def set_stock(conn, product_id, warehouse, count):
    """Set attrs.stock.<warehouse> to count, keeping every other key (and
    making "stock" if the product has none); return the new attrs.
    LookupError for an unknown product."""
    return None
