"""The shop's queries, built by pasting values into the SQL."""


def find_user(db, username):
    return db.execute(
        f"SELECT id, username, email FROM users WHERE username = '{username}'"
    ).fetchone()


def search_products(db, text):
    rows = db.execute(
        "SELECT name FROM products "
        f"WHERE public = 1 AND instr(lower(name), lower('{text}')) > 0 "
        "ORDER BY name"
    )
    return [name for (name,) in rows]


def add_review(db, product_id, author, body):
    cursor = db.execute(
        f"INSERT INTO reviews (product_id, author, body) VALUES ({product_id}, '{author}', '{body}')"
    )
    return cursor.lastrowid


def products_by_ids(db, ids):
    ids = list(ids)
    if not ids:
        return []
    listed = ", ".join(str(i) for i in ids)
    rows = db.execute(f"SELECT name FROM products WHERE public = 1 AND id IN ({listed}) ORDER BY name")
    return [name for (name,) in rows]
