"""The shop's queries. Every function gets `db`, an open sqlite3.Connection
to a database with the tables in schema.sql, plus values typed by users."""


def find_user(db, username):
    """(id, username, email) of the user with exactly this username, or None."""
    return None


def search_products(db, text):
    """Names of the public products whose name contains text (any letter case),
    sorted by name. The text is searched for literally: % and _ are ordinary
    characters here."""
    return None


def add_review(db, product_id, author, body):
    """Store a review of a product; return the new review's id."""
    return None


def products_by_ids(db, ids):
    """Names of the public products whose id is in the list ids, sorted by name."""
    return None
