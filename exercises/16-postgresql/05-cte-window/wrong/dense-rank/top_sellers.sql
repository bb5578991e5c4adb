-- First each employee's total for the year (a CTE), then a rank within the
-- department: RANK() gives ties the same rank and skips the ranks they
-- used up. A window's result cannot be filtered in the same SELECT's
-- WHERE, hence the second CTE.
WITH totals AS (
    SELECT e.dept, e.name, SUM(s.amount) AS total
    FROM sales s
    JOIN employees e ON e.id = s.employee_id
    WHERE s.sold_on >= make_date(%(year)s, 1, 1) AND s.sold_on < make_date(%(year)s + 1, 1, 1)
    GROUP BY e.id, e.dept, e.name
),
ranked AS (
    SELECT dept, name, total, DENSE_RANK() OVER (PARTITION BY dept ORDER BY total DESC) AS rank
    FROM totals
)
SELECT dept, name, total, rank
FROM ranked
WHERE rank <= 3
ORDER BY dept, rank, name;
