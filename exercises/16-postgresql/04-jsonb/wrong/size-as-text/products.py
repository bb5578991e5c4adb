"""The shop's product attributes, one JSONB document per product (table
products, see schema.sql).

Every function gets `conn`, an open psycopg.Connection in autocommit mode.
"""

import psycopg
from psycopg.types.json import Jsonb


def colour(conn, product_id):
    """The product's colour as text, or None (no such product, no colour,
    or a colour of null)."""
    # ->> gives the value as text (SQL NULL for a JSON null); -> would give
    # JSONB.
    row = conn.execute("SELECT attrs ->> 'colour' FROM products WHERE id = %s", (product_id,)).fetchone()
    return row[0] if row else None


def size(conn, product_id):
    """The product's "size" object as a dict, or None."""
    # -> keeps it JSONB, which psycopg turns into a dict.
    row = conn.execute("SELECT attrs ->> 'size' FROM products WHERE id = %s", (product_id,)).fetchone()
    return row[0] if row else None


def matching(conn, wanted):
    """The ids, in order, of the products whose attrs contain everything in
    the dict `wanted` (JSON containment)."""
    # Jsonb(wanted) sends the dict as one JSONB parameter; @> is the
    # containment the GIN index answers.
    rows = conn.execute("SELECT id FROM products WHERE attrs @> %s ORDER BY id", (Jsonb(wanted),))
    return [product_id for (product_id,) in rows]


def cheaper_than(conn, price):
    """The ids, in order, of the products with at least one variant whose
    price is below `price`."""
    # A JSON path over every variant; $max is a variable of the path, given
    # as a JSONB object, so the price is a parameter too.
    rows = conn.execute(
        "SELECT id FROM products"
        " WHERE jsonb_path_exists(attrs, '$.variants[*] ? (@.price < $max)', jsonb_build_object('max', %s::numeric))"
        " ORDER BY id",
        (price,),
    )
    return [product_id for (product_id,) in rows]


def set_stock(conn, product_id, warehouse, count):
    """Set attrs.stock.<warehouse> to count, keeping every other key (and
    making "stock" if the product has none); return the new attrs.
    LookupError for an unknown product."""
    # jsonb_set(doc, path, value) replaces the value at path, a text array,
    # here ARRAY['stock', warehouse]. It adds the last key of the path if
    # missing, but not the keys before it: so the inner jsonb_set first
    # makes sure "stock" exists (the old one, or {}).
    row = conn.execute(
        "UPDATE products"
        " SET attrs = jsonb_set("
        "     jsonb_set(attrs, '{stock}', coalesce(attrs -> 'stock', '{}')),"
        "     ARRAY['stock', %s::text], to_jsonb(%s::integer))"
        " WHERE id = %s RETURNING attrs",
        (warehouse, count, product_id),
    ).fetchone()
    if row is None:
        raise LookupError("no product %r" % (product_id,))
    return row[0]
