import pytest

from drillkit import sql


def run(seed="tests/seed.sql"):
    return sql.run(sql.database(seed), "query.sql")


def by_customer(result):
    return {row[0]: row for row in result.rows}


def test_columns_are_customer_order_count_and_revenue():
    assert run().columns == ["customer", "order_count", "revenue"]


def test_one_row_per_customer():
    customers = [row[0] for row in run().rows]
    assert sorted(customers) == sorted(set(customers))


def test_cancelled_orders_do_not_count():
    rows = by_customer(run())
    alice = rows.get("alice")
    assert alice == ("alice", 2, 110.0)
    assert "dave" not in rows


def test_open_orders_count():
    bob = by_customer(run()).get("bob")
    assert bob == ("bob", 2, 125.5)


def test_customers_below_100_are_left_out():
    rows = by_customer(run())
    assert "frank" not in rows
    carol = rows.get("carol")
    assert carol == ("carol", 2, 100.0)


def test_best_customers_highest_revenue_first_then_by_name():
    expected = [
        ("bob", 2, 125.5),
        ("alice", 2, 110.0),
        ("erin", 1, 110.0),
        ("carol", 2, 100.0),
    ]
    assert run().rows == expected


@pytest.mark.hidden
def test_the_query_works_for_other_orders():
    """The query must work on any orders: group and filter, never name customers."""
    expected = [
        ("yann", 3, 150.0),
        ("zoe", 1, 150.0),
        ("xiu", 1, 100.0),
    ]
    assert run("tests/seed_other.sql").rows == expected
