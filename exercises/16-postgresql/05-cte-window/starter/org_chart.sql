-- Everyone under the manager %(root)s, at every level, the manager included:
-- id, name, depth, path; ordered by path.
SELECT id, name, 0 AS depth, name AS path
FROM employees
WHERE id = %(root)s;
