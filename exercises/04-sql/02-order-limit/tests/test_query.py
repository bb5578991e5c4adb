import pytest

from drillkit import sql


def run(seed="tests/seed.sql", change=None):
    db = sql.database(seed)
    if change:
        db.execute(change)
    return sql.run(db, "query.sql")


def test_columns_are_name_and_price():
    assert run().columns == ["name", "price"]


def test_the_cheapest_product_comes_first():
    rows = run().rows
    assert rows[:1] == [("Eraser", 0.8)]


def test_products_without_a_price_are_left_out():
    names = [row[0] for row in run().rows]
    assert [n for n in names if n in ("Stapler", "Paper clips")] == []


def test_only_three_products_are_returned():
    assert len(run().rows) == 3


def test_the_three_cheapest_in_order_with_ties_broken_by_name():
    expected = [("Eraser", 0.8), ("Pencil", 1.2), ("Glue", 1.5)]
    assert run().rows == expected


def test_fewer_than_three_priced_products_gives_fewer_rows():
    rows = run(change="UPDATE products SET price = NULL WHERE name NOT IN ('Notebook', 'Ruler')").rows
    assert rows == [("Ruler", 1.5), ("Notebook", 3.5)]


@pytest.mark.hidden
def test_the_query_works_for_another_shop():
    """The query must work on any shop's data: sort, filter and limit, never name products."""
    expected = [("Postcard", 0.5), ("Bookmark", 2.0), ("Comic", 2.0)]
    assert run("tests/seed_other.sql").rows == expected
