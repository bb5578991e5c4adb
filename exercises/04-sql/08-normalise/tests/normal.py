"""Helpers for the tests: read the learner's tables and keys from SQLite."""

from drillkit import sql

TABLES = ["customers", "order_lines", "orders", "products"]

FACTS = {
    "customers": {"email", "name", "city"},
    "products": {"sku", "name", "unit_price"},
    "orders": {"id", "placed_on"},
    "order_lines": {"quantity"},
}


def with_schema(seed="tests/seed.sql"):
    """The sheet and the learner's empty tables."""
    db = sql.database(seed)
    sql.script(db, "schema.sql")
    return db


def loaded(seed="tests/seed.sql"):
    """The sheet and the learner's tables, filled by load.sql."""
    db = with_schema(seed)
    sql.script(db, "load.sql")
    return db


def tables(db):
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND name <> 'sheet' ORDER BY name"
    )
    return [row[0] for row in rows]


def columns(db, table):
    return [row[1] for row in db.execute('PRAGMA table_info("%s")' % table)]


def primary_key(db, table):
    info = [row for row in db.execute('PRAGMA table_info("%s")' % table) if row[5] > 0]
    return [row[1] for row in sorted(info, key=lambda row: row[5])]


def foreign_keys(db, table):
    """(referenced table, column here, column there) for each foreign key column."""
    out = []
    for row in db.execute('PRAGMA foreign_key_list("%s")' % table):
        target, here, there = row[2], row[3], row[4]
        if there is None:
            pk = primary_key(db, target)
            there = pk[0] if len(pk) == 1 else None
        out.append((target, here, there))
    return out


def reference(db, table, target):
    """(column here, column there) of table's foreign key to target, or None."""
    for t, here, there in foreign_keys(db, table):
        if t == target:
            return (here, there)
    return None


def key_columns(db, table):
    return set(primary_key(db, table)) | {here for _, here, _ in foreign_keys(db, table)}


def rebuild(db):
    """The sheet's rows, put back together from the learner's tables."""
    oc = reference(db, "orders", "customers")
    lo = reference(db, "order_lines", "orders")
    lp = reference(db, "order_lines", "products")
    if None in (oc, lo, lp):
        raise AssertionError(
            "the tables are not linked yet: orders needs a foreign key to customers, "
            "order_lines one to orders and one to products"
        )
    query = (
        "SELECT o.id, o.placed_on, c.email, c.name, c.city, p.sku, p.name, p.unit_price, l.quantity "
        "FROM order_lines AS l "
        'JOIN orders AS o ON o."%s" = l."%s" '
        'JOIN products AS p ON p."%s" = l."%s" '
        'JOIN customers AS c ON c."%s" = o."%s"'
    ) % (lo[1], lo[0], lp[1], lp[0], oc[1], oc[0])
    return sorted(db.execute(query).fetchall(), key=repr)


def sheet(db):
    return sorted(db.execute("SELECT * FROM sheet").fetchall(), key=repr)


def count(db, table):
    return db.execute('SELECT COUNT(*) FROM "%s"' % table).fetchone()[0]
