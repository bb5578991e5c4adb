-- The join table: one row per (student, course) pair.
CREATE TABLE enrolments (
    student_id INTEGER NOT NULL REFERENCES students (id) ON DELETE CASCADE,
    course_id  INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
    PRIMARY KEY (student_id, course_id)
);
