"""The judge's own connection to the sandbox's MariaDB: it drops the
tables, reads what the learner's schema and code made (information_schema,
the rows), and tries the rules with rows of its own, as data."""

import os

import MySQLdb

from drillkit import files, learnerside

TABLES = ("orders", "customers", "products", "settings")
MULTI_STATEMENTS = 1 << 16  # MySQLdb.constants.CLIENT.MULTI_STATEMENTS


def params(**extra):
    return dict(user="drill", database="drill", unix_socket=os.environ["MYSQL_UNIX_PORT"], **extra)


def connect():
    """A connection of the judge's, in autocommit mode, that waits for a
    lock at most a few seconds."""
    conn = MySQLdb.connect(**params())
    conn.autocommit(True)
    run(conn, "SET SESSION lock_wait_timeout = 10, innodb_lock_wait_timeout = 10")
    return conn


def run(conn, sql, args=None):
    """Run one statement; its rows (a list of tuples)."""
    cursor = conn.cursor()
    cursor.execute(sql, args)
    rows = list(cursor.fetchall()) if cursor.description else []
    cursor.close()
    return rows


def start_clean(conn):
    """End the database's other sessions (a connection the learner's code
    left, with its locks) and drop the shop's tables."""
    mine = run(conn, "SELECT CONNECTION_ID()")[0][0]
    for (other,) in run(conn, "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = 'drill' AND ID <> %s", (mine,)):
        try:
            run(conn, "KILL CONNECTION %d" % other)
        except MySQLdb.OperationalError:
            pass  # it ended meanwhile
    run(conn, "SET SESSION foreign_key_checks = 0")
    run(conn, "DROP TABLE IF EXISTS " + ", ".join(TABLES))
    run(conn, "SET SESSION foreign_key_checks = 1")


def learner_connection():
    """A MySQLdb connection made in the learner's process (autocommit off)."""
    return learnerside.module("MySQLdb").connect(**params())


def run_learner_script(path):
    """Run the learner's SQL file (every statement of it) on a connection of
    the learner's process; the error it raised as text, or None."""
    conn = learnerside.module("MySQLdb").connect(**params(client_flag=MULTI_STATEMENTS))
    try:
        cursor = conn.cursor()
        cursor.execute(files.text(path))
        while cursor.nextset():
            pass
        return None
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    finally:
        conn.close()
