"""The library's catalogue on PostgreSQL (table books, see schema.sql).

Every function gets `conn`, an open psycopg.Connection (not in autocommit
mode), plus values that came from users.
"""

import psycopg
from psycopg.rows import dict_row


def add_book(conn, title, author, year):
    """Store one book, commit, and return the id the server gave it."""
    return None


def add_books(conn, books):
    """Store every book of `books` (a list of dicts with the keys title,
    author and year) in one executemany, all of them or none; commit, and
    return how many were stored."""
    return None


def books_by(conn, author):
    """The books whose author is exactly `author`, oldest first (then by
    title), as a list of dicts with the keys id, title, author and year."""
    return None


def books_with_ids(conn, ids):
    """The books whose id is in the list `ids`, by id, as a list of dicts
    with the keys id, title, author and year."""
    return None
