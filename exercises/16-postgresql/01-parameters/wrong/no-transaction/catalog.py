"""The catalogue, committing by hand but never rolling back after an error."""

import psycopg
from psycopg.rows import dict_row


def add_book(conn, title, author, year):
    row = conn.execute(
        "INSERT INTO books (title, author, year) VALUES (%s, %s, %s) RETURNING id",
        (title, author, year),
    ).fetchone()
    conn.commit()
    return row[0]


def add_books(conn, books):
    books = list(books)
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO books (title, author, year) VALUES (%(title)s, %(author)s, %(year)s)",
            books,
        )
    conn.commit()
    return len(books)


def books_by(conn, author):
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            "SELECT id, title, author, year FROM books WHERE author = %s ORDER BY year, title",
            (author,),
        )
        rows = cur.fetchall()
    conn.commit()
    return rows


def books_with_ids(conn, ids):
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            "SELECT id, title, author, year FROM books WHERE id = ANY(%s) ORDER BY id",
            (list(ids),),
        )
        rows = cur.fetchall()
    conn.commit()
    return rows
