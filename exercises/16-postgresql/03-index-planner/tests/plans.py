"""The judge's own connection to the sandbox's PostgreSQL, and query plans
read from EXPLAIN (FORMAT JSON): data the server gives, never the
learner's code."""

import psycopg
from psycopg import sql

# queries.sql's three queries, with {} where the value goes.
LATEST_PURCHASES = (
    "SELECT id, created_at, amount FROM events WHERE customer_id = {} AND kind = 'purchase'"
    " ORDER BY created_at DESC LIMIT 20"
)
CUSTOMER_BY_EMAIL = "SELECT id, name FROM customers WHERE lower(email) = lower({})"
DUE_JOBS = "SELECT id, payload FROM jobs WHERE status = 'pending' AND run_after <= {} ORDER BY run_after LIMIT 10"


def connect():
    """A connection of the judge's, in autocommit mode."""
    conn = psycopg.connect(autocommit=True)
    conn.execute("SET lock_timeout = '10s'")
    conn.execute("SET statement_timeout = '60s'")
    return conn


def run_script(conn, path):
    with open(path, encoding="utf-8") as f:
        conn.execute(f.read())


def plan(conn, query, value):
    """The plan of query with value in it, as EXPLAIN (FORMAT JSON) gives
    it: the top node, a dict whose "Plans" are its children."""
    statement = sql.SQL("EXPLAIN (FORMAT JSON) " + query).format(sql.Literal(value))
    return conn.execute(statement).fetchone()[0][0]["Plan"]


def nodes(node):
    """Every node of a plan, the top one first."""
    yield node
    for child in node.get("Plans", []):
        yield from nodes(child)


def outline(node):
    """A plan in a few words per node, for a failure message:
    "Limit > Sort (created_at DESC) > Seq Scan on events [filter]"."""
    words = node["Node Type"]
    if "Relation Name" in node:
        words += " on " + node["Relation Name"]
    if "Index Name" in node:
        words += " using " + node["Index Name"]
    if "Sort Key" in node:
        words += " (" + ", ".join(node["Sort Key"]) + ")"
    if "Index Cond" in node:
        words += " [index: " + node["Index Cond"] + "]"
    if "Filter" in node:
        words += " [filter: " + node["Filter"] + "]"
    return " > ".join([words] + [outline(child) for child in node.get("Plans", [])])


def sorts(node):
    return [n["Node Type"] for n in nodes(node) if n["Node Type"] in ("Sort", "Incremental Sort")]


def is_partial(conn, index_name):
    """Whether the index has a WHERE (it holds only some rows)."""
    row = conn.execute(
        "SELECT indpred IS NOT NULL FROM pg_index WHERE indexrelid = to_regclass(%s)", (index_name,)
    ).fetchone()
    return bool(row and row[0])
