import pytest

from drillkit import sql


def run(seed="tests/seed.sql"):
    return sql.run(sql.database(seed), "order_list.sql")


def test_order_list_columns_are_order_id_customer_placed_on_and_total():
    assert run().columns == ["order_id", "customer", "placed_on", "total"]


def test_each_order_shows_its_customers_name():
    rows = {row[0]: row for row in run().rows}
    assert rows.get(5) == (5, "Chen Wei", "2024-03-03", 45.5)
    assert rows.get(7) == (7, "Sam Lee", "2024-03-05", 40.0)


def test_refunded_orders_of_customers_are_listed_too():
    order_ids = [row[0] for row in run().rows]
    assert [i for i in order_ids if i in (4, 6)] == [4, 6]


def test_guest_orders_are_left_out():
    order_ids = [row[0] for row in run().rows]
    assert [i for i in order_ids if i in (3, 9)] == []


def test_every_order_appears_once():
    order_ids = [row[0] for row in run().rows]
    assert sorted(order_ids) == sorted(set(order_ids))


def test_the_whole_list_in_date_order_with_ties_by_order_id():
    expected = [
        (1, "Ana Silva", "2024-03-01", 30.0),
        (2, "Ben Okafor", "2024-03-01", 12.5),
        (4, "Ana Silva", "2024-03-03", 20.0),
        (5, "Chen Wei", "2024-03-03", 45.5),
        (6, "Sam Lee", "2024-03-04", 15.0),
        (7, "Sam Lee", "2024-03-05", 40.0),
        (8, "Ana Silva", "2024-03-05", 25.0),
        (10, "Ben Okafor", "2024-03-07", 33.0),
    ]
    assert run().rows == expected


@pytest.mark.hidden
def test_the_order_list_works_for_another_shop():
    """The order list must work on any shop's data: join on the customer id, never name orders or customers."""
    expected = [
        (102, "Ida Berg", "2024-05-01", 19.0),
        (103, "Max Roth", "2024-05-01", 11.75),
        (100, "Max Roth", "2024-05-02", 8.25),
        (104, "Ida Berg", "2024-05-03", 70.0),
        (105, "Ida Berg", "2024-05-03", 1.0),
    ]
    assert run("tests/seed_other.sql").rows == expected
