import pytest

from drillkit import sql


def run(seed="tests/seed.sql"):
    return sql.run(sql.database(seed), "customer_summary.sql")


def row_for(result, name, city):
    matches = [row for row in result.rows if row[0] == name and row[1] == city]
    return matches[0] if len(matches) == 1 else (matches or None)


def test_summary_columns_are_name_city_paid_orders_and_spent():
    assert run().columns == ["name", "city", "paid_orders", "spent"]


def test_paid_orders_are_counted_and_summed():
    assert row_for(run(), "Ana Silva", "Lisbon") == ("Ana Silva", "Lisbon", 2, 55.0)
    assert row_for(run(), "Chen Wei", None) == ("Chen Wei", None, 1, 45.5)


def test_a_customer_without_orders_is_listed_with_zero():
    assert row_for(run(), "Dora Kim", "Leeds") == ("Dora Kim", "Leeds", 0, 0)


def test_a_customer_with_only_refunded_orders_is_listed_with_zero():
    assert row_for(run(), "Sam Lee", None) == ("Sam Lee", None, 0, 0)


def test_two_customers_with_the_same_name_stay_apart():
    sams = [row for row in run().rows if row[0] == "Sam Lee"]
    assert sorted(sams, key=repr) == [("Sam Lee", "Leeds", 1, 40.0), ("Sam Lee", None, 0, 0)]


def test_guest_orders_belong_to_nobody():
    names = [row[0] for row in run().rows]
    assert None not in names
    assert len(names) == 7


def test_the_whole_summary_biggest_spender_first_then_by_name():
    expected = [
        ("Ana Silva", "Lisbon", 2, 55.0),
        ("Ben Okafor", "Leeds", 2, 45.5),
        ("Chen Wei", None, 1, 45.5),
        ("Sam Lee", "Leeds", 1, 40.0),
        ("Dora Kim", "Leeds", 0, 0),
        ("Eve Novak", "Porto", 0, 0),
        ("Sam Lee", None, 0, 0),
    ]
    assert run().rows == expected


@pytest.mark.hidden
def test_the_summary_works_for_another_shop():
    """The summary must work on any shop's data: group by customer, never name customers."""
    expected = [
        ("Ida Berg", "Bergen", 2, 20.0),
        ("Max Roth", "Oslo", 2, 20.0),
        ("Ida Berg", None, 0, 0),
        ("Lea Voss", None, 0, 0),
        ("Zed Park", "Oslo", 0, 0),
    ]
    assert run("tests/seed_other.sql").rows == expected
