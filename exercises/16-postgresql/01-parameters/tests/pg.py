"""The judge's own connections to the sandbox's PostgreSQL: it makes the
tables, and reads what the learner's code stored, as data."""

import psycopg


def connect():
    """A connection of the judge's, in autocommit mode: each statement is
    its own transaction, so it sees only what others committed. A lock the
    learner's code keeps is an error after a few seconds, not a hang."""
    conn = psycopg.connect(autocommit=True)
    conn.execute("SET lock_timeout = '5s'")
    conn.execute("SET statement_timeout = '20s'")
    return conn


def end_other_sessions(conn):
    """End every other session of the database (a connection the learner's
    code left open, with its locks), so that each test starts clean."""
    conn.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )


def run_script(conn, path):
    """Run the SQL file path (the tests' own) on conn."""
    with open(path, encoding="utf-8") as f:
        conn.execute(f.read())


def open_transactions(conn):
    """How many other sessions sit in an open transaction, doing nothing."""
    return conn.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        " AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%%'"
    ).fetchone()[0]
