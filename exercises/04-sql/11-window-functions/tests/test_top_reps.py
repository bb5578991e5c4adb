import pytest

from drillkit import sql


def run(seed="tests/seed.sql"):
    return sql.run(sql.database(seed), "top_reps.sql")


def region(result, name):
    return [row for row in result.rows if row[0] == name]


def test_top_reps_columns_are_region_rep_total_and_sales_rank():
    assert run().columns == ["region", "rep", "total", "sales_rank"]


def test_reps_are_ranked_by_their_total_within_their_region():
    assert region(run(), "South") == [("South", "Eve", 100, 1), ("South", "Fay", 90, 2)]


def test_reps_with_the_same_total_share_a_rank_and_are_all_kept():
    assert region(run(), "North") == [
        ("North", "Dee", 150, 1),
        ("North", "Ana", 130, 2),
        ("North", "Ben", 130, 2),
    ]


def test_a_shared_first_place_skips_the_second():
    assert region(run(), "East") == [("East", "Kai", 200, 1), ("East", "Lu", 200, 1)]


def test_a_region_where_everybody_ties_keeps_everybody():
    assert [row[1] for row in region(run(), "West")] == ["Hal", "Ida", "Jo"]


def test_the_whole_result_by_region_rank_and_rep():
    expected = [
        ("East", "Kai", 200, 1),
        ("East", "Lu", 200, 1),
        ("North", "Dee", 150, 1),
        ("North", "Ana", 130, 2),
        ("North", "Ben", 130, 2),
        ("South", "Eve", 100, 1),
        ("South", "Fay", 90, 2),
        ("West", "Hal", 60, 1),
        ("West", "Ida", 60, 1),
        ("West", "Jo", 60, 1),
    ]
    assert run().rows == expected


@pytest.mark.hidden
def test_top_reps_work_for_other_sales():
    """The query must work on any sales: RANK per region, then keep ranks 1 and 2."""
    expected = [
        ("Coast", "Pia", 90, 1),
        ("Coast", "Quin", 90, 1),
        ("Inland", "Tom", 300, 1),
        ("Inland", "Uma", 40, 2),
        ("Inland", "Vik", 40, 2),
    ]
    assert run("tests/seed_other.sql").rows == expected
