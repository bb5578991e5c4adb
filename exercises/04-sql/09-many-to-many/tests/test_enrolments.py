import pytest

from drillkit import learnerside
from school import enrolled, school


def integrity_error():
    """sqlite3.IntegrityError as the learner's process has it, where the database is."""
    return learnerside.module("sqlite3").IntegrityError


def test_enrolments_has_the_columns_student_id_and_course_id():
    db = school(rows=None)
    assert [row[1] for row in db.execute("PRAGMA table_info(enrolments)")] == ["student_id", "course_id"]


def test_a_student_takes_many_courses_and_a_course_has_many_students():
    db = school()
    assert len(enrolled(db)) == 9
    assert [c for s, c in enrolled(db) if s == 1] == [1, 2, 3]
    assert [s for s, c in enrolled(db) if c == 1] == [1, 2, 5]


def test_a_student_cannot_enrol_twice_in_the_same_course():
    db = school()
    db.execute("INSERT INTO enrolments (student_id, course_id) VALUES (4, 1)")
    with pytest.raises(integrity_error()):
        db.execute("INSERT INTO enrolments (student_id, course_id) VALUES (4, 1)")


def test_an_enrolment_needs_both_a_student_and_a_course():
    db = school()
    with pytest.raises(integrity_error()):
        db.execute("INSERT INTO enrolments (student_id, course_id) VALUES (NULL, 4)")
    with pytest.raises(integrity_error()):
        db.execute("INSERT INTO enrolments (student_id, course_id) VALUES (4, NULL)")


def test_an_enrolment_must_name_an_existing_student_and_course():
    db = school()
    with pytest.raises(integrity_error()):
        db.execute("INSERT INTO enrolments (student_id, course_id) VALUES (99, 1)")
    with pytest.raises(integrity_error()):
        db.execute("INSERT INTO enrolments (student_id, course_id) VALUES (1, 99)")


def test_deleting_a_student_or_a_course_removes_their_enrolments():
    db = school()
    db.execute("DELETE FROM students WHERE id = 1")
    db.execute("DELETE FROM courses WHERE id = 3")
    assert enrolled(db) == [(2, 1), (2, 2), (5, 1), (6, 2)]
