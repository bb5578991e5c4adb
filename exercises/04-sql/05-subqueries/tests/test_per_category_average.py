import pytest

from drillkit import sql


def run(seed="tests/seed.sql"):
    return sql.run(sql.database(seed), "above_average.sql")


def names(result):
    return [row[0] for row in result.rows]


def test_above_average_columns_are_name_category_price_and_category_avg():
    assert run().columns == ["name", "category", "price", "category_avg"]


def test_each_product_is_compared_with_its_own_category():
    assert "Stapler" in names(run())


def test_a_price_equal_to_the_average_is_not_above_it():
    assert [n for n in names(run()) if n in ("Candle", "Vase")] == []


def test_products_without_a_price_are_never_listed_and_do_not_count():
    result = run()
    assert "Desk lamp" not in names(result)
    assert "Notebook" not in names(result)


def test_category_avg_is_the_rounded_average_of_the_category():
    rows = {row[0]: row for row in run().rows}
    assert rows.get("Teapot") == ("Teapot", "kitchen", 24.0, 16.0)


def test_above_average_sorted_by_category_then_price_highest_first():
    expected = [
        ("Kettle", "kitchen", 30.0, 16.0),
        ("Teapot", "kitchen", 24.0, 16.0),
        ("Stapler", "office", 9.0, 5.0),
    ]
    assert run().rows == expected


@pytest.mark.hidden
def test_above_average_works_for_another_shop():
    """The query must work on any shop's data: compare each price with the average of the same category."""
    expected = [
        ("Atlas", "books", 30.0, 24.0),
        ("Tent", "outdoor", 120.0, 60.0),
    ]
    assert run("tests/seed_other.sql").rows == expected
