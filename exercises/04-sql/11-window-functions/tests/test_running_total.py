import pytest

from drillkit import sql


def run(seed="tests/seed.sql"):
    return sql.run(sql.database(seed), "running_total.sql")


def test_running_total_columns_are_region_month_total_and_running_total():
    assert run().columns == ["region", "month", "total", "running_total"]


def test_one_row_per_region_and_month_with_sales():
    pairs = [(row[0], row[1]) for row in run().rows]
    assert [p for p in pairs if p[0] == "South"] == [("South", "2024-01"), ("South", "2024-03")]


def test_total_adds_up_all_sales_of_the_month_in_the_region():
    rows = {(row[0], row[1]): row[2] for row in run().rows}
    assert rows.get(("North", "2024-02")) == 160


def test_the_running_total_adds_up_the_months_so_far():
    north = [row for row in run().rows if row[0] == "North"]
    assert north == [
        ("North", "2024-01", 150, 150),
        ("North", "2024-02", 160, 310),
        ("North", "2024-03", 220, 530),
    ]


def test_each_region_starts_its_own_running_total():
    firsts = {}
    for region, month, total, running in run().rows:
        firsts.setdefault(region, (total, running))
    assert {region: t == r for region, (t, r) in firsts.items()} == {
        "East": True, "North": True, "South": True, "West": True,
    }


def test_the_whole_result_by_region_then_month():
    expected = [
        ("East", "2024-01", 200, 200),
        ("East", "2024-02", 120, 320),
        ("East", "2024-03", 230, 550),
        ("North", "2024-01", 150, 150),
        ("North", "2024-02", 160, 310),
        ("North", "2024-03", 220, 530),
        ("South", "2024-01", 100, 100),
        ("South", "2024-03", 130, 230),
        ("West", "2024-02", 120, 120),
        ("West", "2024-03", 60, 180),
    ]
    assert run().rows == expected


@pytest.mark.hidden
def test_running_totals_work_for_other_sales():
    """The query must work on any sales: sum per region and month, then a running SUM per region."""
    expected = [
        ("Coast", "2023-11", 130, 130),
        ("Coast", "2023-12", 50, 180),
        ("Coast", "2024-01", 150, 330),
        ("Inland", "2023-12", 320, 320),
        ("Inland", "2024-02", 60, 380),
    ]
    assert run("tests/seed_other.sql").rows == expected
