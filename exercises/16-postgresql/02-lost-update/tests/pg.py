"""The judge's own connections to the sandbox's PostgreSQL: it makes the
table, holds row locks of its own while the learner's code runs, and reads
what that code stored and which sessions it left, as data."""

import time

import psycopg

# Wall-clock bound of every wait for the learner's sessions, in seconds: a
# busy machine is slow, but never this slow.
PATIENCE = 20.0


def connect(autocommit=True):
    """A connection of the judge's (in autocommit mode unless told): it sees
    only what others committed. A lock the learner's code keeps is an error
    after a few seconds, not a hang."""
    conn = psycopg.connect(autocommit=autocommit)
    conn.execute("SET lock_timeout = '10s'")
    conn.execute("SET statement_timeout = '30s'")
    if not autocommit:
        conn.commit()
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


def sessions(conn, exclude=()):
    """The other client sessions of the database, as (pid, state,
    wait_event_type), leaving out the pids in exclude."""
    rows = conn.execute(
        "SELECT pid, state, wait_event_type FROM pg_stat_activity"
        " WHERE datname = current_database() AND backend_type = 'client backend'"
        " AND pid <> pg_backend_pid()"
    ).fetchall()
    return [row for row in rows if row[0] not in exclude]


def wait_for_waiting(conn, count, exclude=()):
    """Wait until count other sessions wait for a lock (the learner's,
    stopped at a row the judge holds); give their number then, or how many
    did when time ran out."""
    deadline = time.monotonic() + PATIENCE
    while True:
        waiting = [row for row in sessions(conn, exclude) if row[2] == "Lock"]
        if len(waiting) >= count or time.monotonic() > deadline:
            return len(waiting)
        time.sleep(0.01)


def wait_for_no_sessions(conn, exclude=()):
    """Wait until no other session is left (a closed connection's server
    process takes a moment to go); give what is left when time runs out."""
    deadline = time.monotonic() + 10.0
    while True:
        left = sessions(conn, exclude)
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.01)
