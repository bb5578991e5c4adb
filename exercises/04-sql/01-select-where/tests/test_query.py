import pytest

from drillkit import sql


def run(seed="tests/seed.sql"):
    return sql.run(sql.database(seed), "query.sql")


def unordered(rows):
    """Rows in a fixed order, for tasks where the order does not matter."""
    return sorted(rows, key=repr)


def test_columns_are_name_price_and_stock():
    assert run().columns == ["name", "price", "stock"]


def test_out_of_stock_books_are_listed():
    rows = run().rows
    assert ("Neuromancer", 8.0, 0) in rows


def test_books_without_a_price_are_listed():
    names = [row[0] for row in run().rows]
    assert sorted(n for n in names if n in ("Foundation", "Hyperion")) == ["Foundation", "Hyperion"]


def test_other_categories_are_left_out():
    names = {row[0] for row in run().rows}
    others = {"Desk lamp", "Notebook", "Book stand", "The Hobbit"}
    assert sorted(names & others) == []


def test_books_in_stock_with_a_price_are_left_out():
    names = {row[0] for row in run().rows}
    assert sorted(names & {"Dune", "Emma", "Ubik"}) == []


def test_exactly_the_books_that_need_attention():
    expected = [
        ("Neuromancer", 8.0, 0),
        ("Foundation", None, 5),
        ("Hyperion", None, 0),
    ]
    assert unordered(run().rows) == unordered(expected)


@pytest.mark.hidden
def test_the_query_works_for_another_shop():
    """The query must work on any shop's data: filter with conditions, never by naming products."""
    expected = [
        ("Beloved", 11.0, 0),
        ("Kindred", None, 2),
        ("Middlemarch", 4.5, 0),
    ]
    assert unordered(run("tests/seed_other.sql").rows) == unordered(expected)
