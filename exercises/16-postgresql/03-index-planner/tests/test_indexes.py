import psycopg
import pytest

import plans
from drillkit import files, learnerside


@pytest.fixture(scope="module")
def db():
    """The judge's connection to tables filled with data, after the
    learner's indexes.sql ran on a connection of the learner's process.
    Gives (connection, what went wrong running indexes.sql or None)."""
    conn = plans.connect()
    conn.execute("DROP TABLE IF EXISTS events, jobs, customers")
    plans.run_script(conn, "tests/schema.sql")
    plans.run_script(conn, "tests/load.sql")
    problem = None
    learner = learnerside.module("psycopg").connect(autocommit=True)
    try:
        learner.execute(files.text("indexes.sql"))
    except Exception as e:
        problem = "%s: %s" % (type(e).__name__, e)
    finally:
        learner.close()
    yield conn, problem
    conn.close()


@pytest.fixture
def conn(db):
    conn, problem = db
    if problem is not None:
        pytest.fail("indexes.sql did not run: " + problem, pytrace=False)
    return conn


def scan(conn, query, value, table):
    """The plan of query, and its one node reading table."""
    top = plans.plan(conn, query, value)
    found = [n for n in plans.nodes(top) if n.get("Relation Name") == table]
    assert len(found) == 1, plans.outline(top)
    return top, found[0]


def test_indexes_sql_runs(db):
    _, problem = db
    if problem is not None:
        pytest.fail("indexes.sql did not run: " + problem, pytrace=False)


class TestLatestPurchases:
    def test_the_events_are_found_through_an_index_on_the_customer(self, conn):
        top, node = scan(conn, plans.LATEST_PURCHASES, 42, "events")
        assert (node["Node Type"], "customer_id" in node.get("Index Cond", "")) in [
            ("Index Scan", True),
            ("Index Only Scan", True),
        ], plans.outline(top)

    @pytest.mark.help("An index whose columns are the equalities of the WHERE first, then the ORDER BY column, hands the rows over in that order (read backwards for DESC), and LIMIT stops after 20.")
    def test_the_purchases_need_no_sort(self, conn):
        top = plans.plan(conn, plans.LATEST_PURCHASES, 42)
        assert plans.sorts(top) == [], plans.outline(top)

    def test_no_row_is_read_only_to_be_thrown_away(self, conn):
        top, node = scan(conn, plans.LATEST_PURCHASES, 42, "events")
        assert node.get("Filter") is None, plans.outline(top)

    @pytest.mark.hidden
    def test_every_customer_is_served_by_the_index(self, conn):
        """The index must serve any customer's purchases, not only those of the example's customer."""
        for customer in (7, 137, 200):
            top, node = scan(conn, plans.LATEST_PURCHASES, customer, "events")
            assert node["Node Type"] in ("Index Scan", "Index Only Scan") and plans.sorts(top) == [], plans.outline(top)
            assert node.get("Filter") is None, plans.outline(top)


class TestCustomerByEmail:
    def test_the_customer_is_found_through_an_index_on_the_lowered_email(self, conn):
        top = plans.plan(conn, plans.CUSTOMER_BY_EMAIL, "CUSTOMER.77@example.com")
        reads = [n for n in plans.nodes(top) if n.get("Relation Name") == "customers" or "Index Cond" in n]
        assert [n["Node Type"] for n in reads if n["Node Type"] == "Seq Scan"] == [], plans.outline(top)
        assert any("lower(email)" in n.get("Index Cond", "") for n in reads), plans.outline(top)

    def test_two_customers_cannot_share_an_email_in_any_letter_case(self, conn):
        with pytest.raises(psycopg.errors.UniqueViolation):
            with conn.transaction(force_rollback=True):
                conn.execute("INSERT INTO customers VALUES (20001, 'CUSTOMER.5@example.com', 'Copy')")
        with conn.transaction(force_rollback=True):
            conn.execute("INSERT INTO customers VALUES (20001, 'new.customer@example.com', 'New')")


class TestDueJobs:
    def test_due_jobs_come_from_an_index_of_pending_jobs_only(self, conn):
        top, node = scan(conn, plans.DUE_JOBS, "2025-01-03 00:00+00", "jobs")
        assert node["Node Type"] in ("Index Scan", "Index Only Scan"), plans.outline(top)
        assert plans.is_partial(conn, node["Index Name"]), "%s is not a partial index (no WHERE)" % node["Index Name"]

    def test_due_jobs_need_no_sort(self, conn):
        top = plans.plan(conn, plans.DUE_JOBS, "2025-01-03 00:00+00")
        assert plans.sorts(top) == [], plans.outline(top)

    @pytest.mark.hidden
    def test_jobs_due_at_any_time_use_the_index(self, conn):
        """The index must serve the query whatever time it is asked for."""
        for when in ("2025-01-01 12:00+00", "2025-01-06 00:00+00"):
            top, node = scan(conn, plans.DUE_JOBS, when, "jobs")
            assert node["Node Type"] in ("Index Scan", "Index Only Scan") and plans.sorts(top) == [], plans.outline(top)


def test_the_planner_has_statistics_of_every_table(conn):
    rows = conn.execute(
        "SELECT tablename, count(*) FROM pg_stats WHERE schemaname = 'public' GROUP BY tablename ORDER BY tablename"
    ).fetchall()
    assert [table for table, _ in rows if table in ("customers", "events", "jobs")] == ["customers", "events", "jobs"]


@pytest.mark.help("Every index must be kept up to date on every INSERT and UPDATE: one well-chosen index per table serves these queries.")
def test_one_index_per_table_beside_its_primary_key(conn):
    rows = conn.execute(
        "SELECT tablename, count(*) FROM pg_indexes WHERE schemaname = 'public'"
        " AND indexname NOT IN ('customers_pkey', 'events_pkey', 'jobs_pkey') GROUP BY tablename ORDER BY tablename"
    ).fetchall()
    assert rows == [("customers", 1), ("events", 1), ("jobs", 1)]


@pytest.mark.hidden
def test_the_script_changes_indexes_and_statistics_only(conn):
    """The plans must come from indexes and statistics: no planner settings changed, every row still there."""
    assert conn.execute("SELECT count(*) FROM pg_db_role_setting").fetchone()[0] == 0
    counts = [conn.execute("SELECT count(*) FROM %s" % table).fetchone()[0] for table in ("customers", "events", "jobs")]
    assert counts == [20000, 100000, 50000]
