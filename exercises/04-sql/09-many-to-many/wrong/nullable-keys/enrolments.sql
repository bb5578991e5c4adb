CREATE TABLE enrolments (
    student_id INTEGER REFERENCES students (id) ON DELETE CASCADE,
    course_id  INTEGER REFERENCES courses (id) ON DELETE CASCADE,
    PRIMARY KEY (student_id, course_id)
);
