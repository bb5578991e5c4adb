INSERT INTO enrolments (student_id, course_id) VALUES
    (10, 20), (10, 21), (10, 22),
    (11, 22),
    (12, 20), (12, 21), (12, 22),
    (13, 21),
    (14, 20);
