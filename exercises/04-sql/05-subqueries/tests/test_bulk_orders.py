import pytest

from drillkit import sql


def run(seed="tests/seed.sql"):
    return sql.run(sql.database(seed), "bulk_orders.sql")


def test_bulk_orders_column_is_name():
    assert run().columns == ["name"]


def test_products_ordered_ten_or_more_at_once_are_listed():
    names = [row[0] for row in run().rows]
    assert [n for n in names if n in ("Mug", "Notebook")] == ["Mug", "Notebook"]


def test_small_orders_do_not_count():
    names = [row[0] for row in run().rows]
    assert [n for n in names if n in ("Teapot", "Candle")] == []


def test_a_product_ordered_in_bulk_twice_is_listed_once():
    names = [row[0] for row in run().rows]
    assert names.count("Pen") == 1


def test_the_bulk_list_sorted_by_name():
    assert run().rows == [("Mug",), ("Notebook",), ("Pen",)]


@pytest.mark.hidden
def test_bulk_orders_work_for_another_shop():
    """The query must work on any shop's data: filter with a subquery, never name products."""
    assert run("tests/seed_other.sql").rows == [("Field guide",), ("Lantern",)]
