INSERT INTO enrolments (student_id, course_id) VALUES
    (1, 1), (1, 2), (1, 3),
    (2, 1), (2, 2),
    (3, 3),
    (5, 1), (5, 3),
    (6, 2);
