"""The shop's queries. Every function gets `db`, an open sqlite3.Connection
to a database with the tables in schema.sql, plus values typed by users."""


def find_user(db, username):
    """(id, username, email) of the user with exactly this username, or None."""
    return db.execute(
        "SELECT id, username, email FROM users WHERE username = ?",
        (username,),
    ).fetchone()


def search_products(db, text):
    """Names of the public products whose name contains text (any letter case),
    sorted by name. The text is searched for literally: % and _ are ordinary
    characters here."""
    rows = db.execute(
        "SELECT name FROM products WHERE public = 1 AND name LIKE ? ORDER BY name",
        ("%" + text + "%",),
    )
    return [name for (name,) in rows]


def add_review(db, product_id, author, body):
    """Store a review of a product; return the new review's id."""
    cursor = db.execute(
        "INSERT INTO reviews (product_id, author, body) VALUES (?, ?, ?)",
        (product_id, author, body),
    )
    return cursor.lastrowid


def products_by_ids(db, ids):
    """Names of the public products whose id is in the list ids, sorted by name."""
    ids = list(ids)
    if not ids:
        return []
    # One placeholder per value: "?, ?, ?". Only question marks go into the SQL.
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(
        f"SELECT name FROM products WHERE public = 1 AND id IN ({marks}) ORDER BY name",
        ids,
    )
    return [name for (name,) in rows]
