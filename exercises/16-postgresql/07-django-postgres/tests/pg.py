"""The judge's own connections to Django's test database on the sandbox's
PostgreSQL: it reads the tables and columns Django made, holds a
transaction open while the learner's code runs, and sees what that code
committed, as data."""

import time

import psycopg

TEST_DATABASE = "test_drill"  # Django's test database for NAME = "drill"
# Wall-clock bound of every wait for the learner's sessions, in seconds.
PATIENCE = 20.0


def connect(autocommit=True):
    """A connection of the judge's to the test database."""
    conn = psycopg.connect(dbname=TEST_DATABASE, autocommit=autocommit)
    conn.execute("SET lock_timeout = '10s'")
    conn.execute("SET statement_timeout = '30s'")
    if not autocommit:
        conn.commit()
    return conn


def sessions(conn, exclude=()):
    """The other client sessions of the test database, as (pid,
    wait_event_type), leaving out the pids in exclude."""
    rows = conn.execute(
        "SELECT pid, wait_event_type FROM pg_stat_activity"
        " WHERE datname = current_database() AND backend_type = 'client backend'"
        " AND pid <> pg_backend_pid()"
    ).fetchall()
    return [row for row in rows if row[0] not in exclude]


def wait_for_waiting(conn, count, exclude=()):
    """Wait until count other sessions wait for a lock; give their number
    then, or how many did when time ran out."""
    deadline = time.monotonic() + PATIENCE
    while True:
        waiting = [row for row in sessions(conn, exclude) if row[1] == "Lock"]
        if len(waiting) >= count or time.monotonic() > deadline:
            return len(waiting)
        time.sleep(0.01)


def end_sessions(conn, keep):
    """End the other sessions of the test database but those in keep: the
    connections Django opened in the learner's threads."""
    for pid, _ in sessions(conn, keep):
        conn.execute("SELECT pg_terminate_backend(%s)", (pid,))
