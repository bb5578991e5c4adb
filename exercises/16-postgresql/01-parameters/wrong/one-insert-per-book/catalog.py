"""The catalogue, storing a batch one INSERT (and one commit) at a time."""

import psycopg
from psycopg.rows import dict_row


def add_book(conn, title, author, year):
    with conn.transaction():
        row = conn.execute(
            "INSERT INTO books (title, author, year) VALUES (%s, %s, %s) RETURNING id",
            (title, author, year),
        ).fetchone()
    return row[0]


def add_books(conn, books):
    count = 0
    for book in books:
        add_book(conn, book["title"], book["author"], book["year"])
        count += 1
    return count


def books_by(conn, author):
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            "SELECT id, title, author, year FROM books WHERE author = %s ORDER BY year, title",
            (author,),
        )
        rows = cur.fetchall()
    conn.rollback()
    return rows


def books_with_ids(conn, ids):
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            "SELECT id, title, author, year FROM books WHERE id = ANY(%s) ORDER BY id",
            (list(ids),),
        )
        rows = cur.fetchall()
    conn.rollback()
    return rows
