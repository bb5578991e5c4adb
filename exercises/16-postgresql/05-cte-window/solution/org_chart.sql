-- A recursive CTE: the first SELECT is the manager (depth 0); the second
-- adds, again and again, the direct reports of the rows found last time,
-- until a round finds no one.
WITH RECURSIVE team (id, name, depth, path) AS (
    SELECT id, name, 0, name
    FROM employees
    WHERE id = %(root)s
  UNION ALL
    SELECT e.id, e.name, t.depth + 1, t.path || ' > ' || e.name
    FROM employees e
    JOIN team t ON e.manager_id = t.id
)
SELECT id, name, depth, path
FROM team
ORDER BY path;
