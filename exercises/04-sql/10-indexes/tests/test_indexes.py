import re

import pytest

from drillkit import sql

LATEST = "SELECT id, kind, created_at FROM events WHERE user_id = ? ORDER BY created_at DESC LIMIT 20"
COUNT = "SELECT COUNT(*) FROM events WHERE kind = ? AND created_at >= ?"
SEARCH = re.compile(r"^SEARCH events USING (?:COVERING )?INDEX \S+ \((.*)\)$")


def indexed(seed="tests/seed.sql", analyze=False):
    """The seeded events table with the learner's indexes."""
    db = sql.database(seed)
    sql.script(db, "indexes.sql")
    if analyze:
        db.execute("ANALYZE")
    return db


def plan(db, query, params):
    """SQLite's plan for a query: one line per step, as EXPLAIN QUERY PLAN shows it."""
    return [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + query, params)]


def scans(lines):
    return [line for line in lines if line.startswith("SCAN")]


def searches(lines):
    """The conditions each index search looks up, e.g. ["user_id=?"]."""
    return [m.group(1) for m in map(SEARCH.match, lines) if m]


def sorts(lines):
    return [line for line in lines if "TEMP B-TREE" in line]


def test_the_latest_events_do_not_scan_the_whole_table():
    assert scans(plan(indexed(), LATEST, (5,))) == []


def test_the_latest_events_search_an_index_by_user():
    assert searches(plan(indexed(), LATEST, (5,))) == ["user_id=?"]


def test_the_latest_events_come_out_of_the_index_already_sorted():
    assert sorts(plan(indexed(), LATEST, (5,))) == []


def test_counting_does_not_scan_the_whole_table():
    assert scans(plan(indexed(), COUNT, ("view", "2024-02-01"))) == []


def test_counting_searches_an_index_by_kind_and_date():
    assert searches(plan(indexed(), COUNT, ("view", "2024-02-01"))) == ["kind=? AND created_at>?"]


def test_counting_reads_only_the_index():
    lines = plan(indexed(), COUNT, ("view", "2024-02-01"))
    assert [line for line in lines if "COVERING INDEX" not in line] == []


def test_at_most_two_indexes_are_added():
    db = indexed()
    names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")]
    assert len(names) <= 2


def test_the_queries_give_the_same_answers_as_without_indexes():
    before = sql.database("tests/seed.sql")
    after = indexed()
    for query, params in ((LATEST, (5,)), (LATEST, (96,)), (LATEST, (500,)), (COUNT, ("login", "2024-02-15 12:00:00"))):
        assert after.execute(query, params).fetchall() == before.execute(query, params).fetchall()


@pytest.mark.hidden
def test_the_plans_hold_for_another_table_with_statistics():
    """After ANALYZE on other data the same index searches must be chosen: equality column first, then the date."""
    db = indexed("tests/seed_other.sql", analyze=True)
    latest = plan(db, LATEST, (1003,))
    count = plan(db, COUNT, ("kind-2", "2023-07-01"))
    assert (searches(latest), sorts(latest)) == (["user_id=?"], [])
    assert searches(count) == ["kind=? AND created_at>?"]
    assert [line for line in count if "COVERING INDEX" not in line] == []
