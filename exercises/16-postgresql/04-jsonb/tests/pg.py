"""The judge's own connection to the sandbox's PostgreSQL: it makes and
fills the table, and reads plans, index statistics and what the learner's
code stored, as data."""

import psycopg
from psycopg import sql


def connect():
    """A connection of the judge's, in autocommit mode."""
    conn = psycopg.connect(autocommit=True)
    conn.execute("SET lock_timeout = '10s'")
    conn.execute("SET statement_timeout = '60s'")
    return conn


def run_script(conn, path):
    with open(path, encoding="utf-8") as f:
        conn.execute(f.read())


def plan_nodes(conn, query, *values):
    """Every node of the plan of query ({} where each value goes), from
    EXPLAIN (FORMAT JSON), the top one first."""
    statement = sql.SQL("EXPLAIN (FORMAT JSON) " + query).format(*(sql.Literal(v) for v in values))
    found, todo = [], [conn.execute(statement).fetchone()[0][0]["Plan"]]
    while todo:
        node = todo.pop(0)
        found.append(node)
        todo.extend(node.get("Plans", []))
    return found


def gin_indexes(conn):
    """The GIN indexes of products: {name: times the index was scanned}."""
    rows = conn.execute(
        "SELECT s.indexrelname, s.idx_scan FROM pg_stat_user_indexes s"
        " JOIN pg_class c ON c.oid = s.indexrelid JOIN pg_am a ON a.oid = c.relam"
        " WHERE s.relname = 'products' AND a.amname = 'gin'"
    ).fetchall()
    return dict(rows)
