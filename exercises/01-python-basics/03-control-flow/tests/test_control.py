import pytest

import control


@pytest.mark.parametrize(
    "score, expected",
    [
        (100, "A"), (95, "A"), (90, "A"),
        (89, "B"), (80, "B"),
        (79, "C"), (70, "C"),
        (69, "D"), (60, "D"),
        (59, "F"), (12, "F"), (0, "F"),
    ],
)
def test_grade(score, expected):
    assert control.grade(score) == expected


@pytest.mark.parametrize("score", [-1, 101, 250])
def test_grade_rejects_scores_outside_0_to_100(score):
    with pytest.raises(ValueError):
        control.grade(score)


@pytest.mark.parametrize("year", [2024, 2000, 1996, 2400, 4])
def test_leap_years(year):
    assert control.is_leap_year(year) is True


@pytest.mark.parametrize("year", [2023, 1900, 2100, 2019, 1])
def test_years_that_are_not_leap_years(year):
    assert control.is_leap_year(year) is False


@pytest.mark.hidden
def test_every_fourth_century_is_a_leap_year():
    """A year divisible by 400 (such as 1600 or 2000) is a leap year even though it is divisible by 100."""
    assert control.is_leap_year(1600) is True
    assert control.is_leap_year(2000) is True
    assert control.is_leap_year(1700) is False


@pytest.mark.parametrize(
    "age, expected",
    [(0, 0), (2, 0), (3, 5), (12, 5), (13, 12), (40, 12), (64, 12), (65, 7), (90, 7)],
)
def test_ticket_price_for_non_students(age, expected):
    assert control.ticket_price(age, False) == expected


@pytest.mark.parametrize("age, expected", [(13, 8), (22, 8), (64, 8)])
def test_students_pay_8(age, expected):
    assert control.ticket_price(age, True) == expected


@pytest.mark.parametrize("age, expected", [(1, 0), (10, 5), (65, 7), (70, 7)])
def test_a_cheaper_age_price_wins_over_the_student_price(age, expected):
    assert control.ticket_price(age, True) == expected


def test_ticket_price_rejects_a_negative_age():
    with pytest.raises(ValueError):
        control.ticket_price(-1, False)


@pytest.mark.parametrize(
    "sides, expected",
    [
        ((3, 3, 3), "equilateral"),
        ((2, 2, 3), "isosceles"),
        ((3, 2, 2), "isosceles"),
        ((2, 3, 2), "isosceles"),
        ((3, 4, 5), "scalene"),
        ((5, 3, 4), "scalene"),
        ((0.5, 0.5, 0.5), "equilateral"),
    ],
)
def test_triangle_kind(sides, expected):
    assert control.triangle_kind(*sides) == expected


@pytest.mark.parametrize(
    "sides",
    [(1, 2, 10), (10, 2, 1), (2, 10, 1), (1, 2, 3), (3, 1, 2), (0, 0, 0), (-3, -3, -3), (0, 4, 4)],
)
def test_sides_that_make_no_triangle_are_invalid(sides):
    assert control.triangle_kind(*sides) == "invalid"
