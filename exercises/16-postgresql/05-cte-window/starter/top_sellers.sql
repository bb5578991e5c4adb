-- The three best sellers of each department in the year %(year)s:
-- dept, name, total, rank; ordered by dept, rank, name.
SELECT e.dept, e.name, SUM(s.amount) AS total, 1 AS rank
FROM sales s JOIN employees e ON e.id = s.employee_id
GROUP BY e.dept, e.name;
