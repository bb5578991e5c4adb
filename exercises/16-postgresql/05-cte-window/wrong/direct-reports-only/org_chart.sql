-- One level down only: no recursion.
SELECT id, name, 0 AS depth, name AS path FROM employees WHERE id = %(root)s
UNION ALL
SELECT e.id, e.name, 1, m.name || ' > ' || e.name
FROM employees e JOIN employees m ON m.id = e.manager_id
WHERE e.manager_id = %(root)s
ORDER BY path;
