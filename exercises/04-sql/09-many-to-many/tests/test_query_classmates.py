import pytest

from school import classmates, school


def test_classmates_columns_are_id_name_and_shared_courses():
    assert classmates(school(), 1).columns == ["id", "name", "shared_courses"]


def test_a_student_is_not_their_own_classmate():
    ids = [row[0] for row in classmates(school(), 1).rows]
    assert 1 not in ids


def test_each_classmate_appears_once_with_the_courses_they_share():
    rows = {row[0]: row for row in classmates(school(), 1).rows}
    assert rows.get(2) == (2, "Ben", 2)
    assert rows.get(3) == (3, "Chen", 1)


def test_two_classmates_with_the_same_name_stay_apart():
    bens = [row for row in classmates(school(), 1).rows if row[1] == "Ben"]
    assert sorted(bens) == [(2, "Ben", 2), (6, "Ben", 1)]


def test_classmates_most_shared_courses_first_then_by_name():
    expected = [(2, "Ben", 2), (5, "Eve", 2), (6, "Ben", 1), (3, "Chen", 1)]
    assert classmates(school(), 1).rows == expected


def test_another_student_has_other_classmates():
    assert classmates(school(), 3).rows == [(1, "Ana", 1), (5, "Eve", 1)]


def test_a_student_without_courses_has_no_classmates():
    assert classmates(school(), 4).rows == []


@pytest.mark.hidden
def test_classmates_work_for_another_school():
    """The query must work for any school: use :student and go through the enrolments table."""
    db = school("tests/seed_other.sql", "tests/enrolments_other.sql")
    assert classmates(db, 10).rows == [(12, "Wen", 3), (13, "Vic", 1), (14, "Wen", 1), (11, "Xavi", 1)]
    assert classmates(db, 13).rows == [(12, "Wen", 1), (10, "Yara", 1)]
