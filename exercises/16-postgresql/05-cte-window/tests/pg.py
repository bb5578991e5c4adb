"""The judge's own connection to the sandbox's PostgreSQL, which makes and
fills the tables; the learner's queries run on a connection of the
learner's process, and their rows come back as data."""

import psycopg

from drillkit import files, learnerside


def connect():
    """A connection of the judge's, in autocommit mode."""
    conn = psycopg.connect(autocommit=True)
    conn.execute("SET lock_timeout = '10s'")
    conn.execute("SET statement_timeout = '30s'")
    return conn


def fill(conn, seed):
    """Fresh tables, with the rows of the tests' seed file."""
    conn.execute("DROP TABLE IF EXISTS sales, employees")
    for path in ("tests/schema.sql", seed):
        with open(path, encoding="utf-8") as f:
            conn.execute(f.read())


class Result:
    """What a query gave: its column names and its rows (tuples)."""

    def __init__(self, columns, rows):
        self.columns = columns
        self.rows = rows


def run(learner, name, **params):
    """The learner's query in the file name, run with params on the
    learner's connection."""
    cursor = learner.execute(files.text(name), params)
    columns = [column.name for column in cursor.description] if cursor.description else []
    return Result(columns, cursor.fetchall() if columns else [])
