"""Run a learner's .sql file against a seeded SQLite database.

The database lives in the learner process, where the learner's SQL runs;
the tests get its rows as data.

    from drillkit import sql

    def test_cheap_books():
        db = sql.database("tests/seed.sql")
        result = sql.run(db, "query.sql")
        assert result.columns == ["title", "price"]
        assert result.rows == [("Dune", 9.5)]
"""

import sqlite3
from dataclasses import dataclass

import remote
from drillkit import files


@dataclass
class Result:
    columns: list
    rows: list


def database(*scripts):
    """An in-memory database, in the learner process, with each script (a
    path of the tests') executed in order."""
    db = remote.inside("sqlite3").connect(":memory:")
    db.execute("PRAGMA foreign_keys = ON")
    for path in scripts:
        with open(path, encoding="utf-8") as f:
            db.executescript(f.read())
    return db


def statement(path):
    """The learner's SQL from path (as the job brought it), without
    surrounding blanks or a final ;"""
    text = files.text(path).strip()
    while text.endswith(";"):
        text = text[:-1].rstrip()
    if not strip_comments(text):
        raise AssertionError("%s has no SQL statement yet" % path)
    return text


def strip_comments(text):
    lines = [ln for ln in text.splitlines() if not ln.strip().startswith("--")]
    return "\n".join(lines).strip()


def run(db, path, params=()):
    """Run the single statement in path; a query's columns and rows come back.
    An SQL error becomes a failed assertion that quotes SQLite's message."""
    sql = statement(path)
    try:
        cur = db.execute(sql, params)
    except sqlite3.Error as e:
        raise AssertionError("%s: SQLite said: %s" % (path, e)) from None
    if cur.description is None:
        return Result(columns=[], rows=[])
    return Result(columns=[d[0] for d in cur.description], rows=cur.fetchall())


def script(db, path):
    """Run every statement in path (for schema and data-change exercises)."""
    text = files.text(path)
    if not strip_comments(text):
        raise AssertionError("%s has no SQL statement yet" % path)
    try:
        db.executescript(text)
    except sqlite3.Error as e:
        raise AssertionError("%s: SQLite said: %s" % (path, e)) from None
