SELECT s.id,
       s.name,
       COUNT(*) AS shared_courses
FROM enrolments AS mine
JOIN enrolments AS theirs ON theirs.course_id = mine.course_id
JOIN students AS s ON s.id = theirs.student_id
WHERE mine.student_id = :student
GROUP BY s.id
ORDER BY shared_courses DESC, s.name, s.id;
