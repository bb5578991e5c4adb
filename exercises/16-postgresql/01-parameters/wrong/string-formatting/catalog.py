"""The catalogue, with the values pasted into the SQL by Python's % formatting."""

import psycopg
from psycopg.rows import dict_row


def add_book(conn, title, author, year):
    with conn.transaction():
        row = conn.execute(
            "INSERT INTO books (title, author, year) VALUES ('%s', '%s', %s) RETURNING id" % (title, author, year)
        ).fetchone()
    return row[0]


def add_books(conn, books):
    books = list(books)
    with conn.transaction():
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO books (title, author, year) VALUES (%(title)s, %(author)s, %(year)s)",
                books,
            )
    return len(books)


def books_by(conn, author):
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            "SELECT id, title, author, year FROM books WHERE author = '%s' ORDER BY year, title" % author
        )
        rows = cur.fetchall()
    conn.rollback()
    return rows


def books_with_ids(conn, ids):
    if not ids:
        return []
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            "SELECT id, title, author, year FROM books WHERE id IN (%s) ORDER BY id" % ", ".join(str(i) for i in ids)
        )
        rows = cur.fetchall()
    conn.rollback()
    return rows
