"""The library's catalogue on PostgreSQL (table books, see schema.sql).

Every function gets `conn`, an open psycopg.Connection (not in autocommit
mode), plus values that came from users.
"""

import psycopg
from psycopg.rows import dict_row


def add_book(conn, title, author, year):
    """Store one book, commit, and return the id the server gave it."""
    # The values travel apart from the SQL text: %s is a placeholder, never
    # Python's string formatting, so a quote or a %s in a title is only data.
    with conn.transaction():
        row = conn.execute(
            "INSERT INTO books (title, author, year) VALUES (%s, %s, %s) RETURNING id",
            (title, author, year),
        ).fetchone()
    return row[0]


def add_books(conn, books):
    """Store every book of `books` (a list of dicts with the keys title,
    author and year) in one executemany, all of them or none; commit, and
    return how many were stored."""
    books = list(books)
    # One transaction around the whole batch: a bad book rolls back the
    # ones before it, and the connection is usable again afterwards.
    with conn.transaction():
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO books (title, author, year) VALUES (%(title)s, %(author)s, %(year)s)",
                books,
            )
    return len(books)


def books_by(conn, author):
    """The books whose author is exactly `author`, oldest first (then by
    title), as a list of dicts with the keys id, title, author and year."""
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            "SELECT id, title, author, year FROM books WHERE author = %s ORDER BY year, title",
            (author,),
        )
        rows = cur.fetchall()
    conn.rollback()  # end the read's transaction: nothing to keep
    return rows


def books_with_ids(conn, ids):
    """The books whose id is in the list `ids`, by id, as a list of dicts
    with the keys id, title, author and year."""
    # A Python list is one parameter: psycopg sends it as an array, and
    # = ANY(array) matches any of its items. No SQL built from the ids.
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            "SELECT id, title, author, year FROM books WHERE id = ANY(%s) ORDER BY id",
            (list(ids),),
        )
        rows = cur.fetchall()
    conn.rollback()
    return rows
