import pytest

from drillkit import sql


def run(seed="tests/seed.sql", change=None):
    db = sql.database(seed)
    if change:
        db.execute(change)
    return sql.run(db, "never_ordered.sql")


def test_never_ordered_columns_are_id_and_name():
    assert run().columns == ["id", "name"]


def test_products_that_were_ordered_are_left_out():
    names = {row[1] for row in run().rows}
    assert sorted(names & {"Mug", "Pen", "Teapot", "Notebook", "Candle"}) == []


def test_order_lines_without_a_product_do_not_hide_the_answer():
    assert (3, "Kettle") in run().rows


def test_never_ordered_products_sorted_by_name():
    expected = [(7, "Desk lamp"), (3, "Kettle"), (4, "Spoon"), (6, "Stapler"), (10, "Vase")]
    assert run().rows == expected


def test_every_product_is_listed_when_there_are_no_orders():
    rows = run(change="DELETE FROM order_items").rows
    assert len(rows) == 10


@pytest.mark.hidden
def test_never_ordered_works_for_another_shop():
    """The query must work on any shop's data, where order lines of deleted products (product_id NULL) exist too."""
    assert run("tests/seed_other.sql").rows == [(26, "Atlas"), (27, "Compass"), (21, "Tent")]
