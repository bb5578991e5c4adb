"""The catalogue, returning psycopg's default rows (tuples) and leaving reads open."""

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
    books = list(books)
    with conn.transaction():
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO books (title, author, year) VALUES (%(title)s, %(author)s, %(year)s)",
                books,
            )
    return len(books)


def books_by(conn, author):
    return conn.execute(
        "SELECT id, title, author, year FROM books WHERE author = %s ORDER BY year, title",
        (author,),
    ).fetchall()


def books_with_ids(conn, ids):
    return conn.execute(
        "SELECT id, title, author, year FROM books WHERE id = ANY(%s) ORDER BY id",
        (list(ids),),
    ).fetchall()
