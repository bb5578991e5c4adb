"""Helpers for the tests: a school with the learner's enrolments table."""

from drillkit import learnerside, sql


def school(seed="tests/seed.sql", rows="tests/enrolments.sql"):
    """Students and courses, the learner's enrolments table, and (unless rows
    is None) the enrolments of the seed."""
    db = sql.database(seed)
    sql.script(db, "enrolments.sql")
    if rows:
        with open(rows, encoding="utf-8") as f:
            text = f.read()
        try:
            db.executescript(text)
        except learnerside.module("sqlite3").Error as e:
            raise AssertionError("enrolments that should fit were refused: %s" % e) from None
    return db


def enrolled(db):
    return db.execute("SELECT student_id, course_id FROM enrolments ORDER BY student_id, course_id").fetchall()


def classmates(db, student):
    return sql.run(db, "classmates.sql", {"student": student})
