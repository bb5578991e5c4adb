-- The window is ordered by date and id, with a frame of the rows up to this
-- one: without ROWS, two sales of the same day would be peers and share
-- one total. LAG() is the previous row's amount (NULL for the first).
SELECT sold_on,
       amount,
       SUM(amount) OVER (ORDER BY sold_on, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_total,
       amount - LAG(amount) OVER (ORDER BY sold_on, id) AS change
FROM sales
WHERE employee_id = %(employee)s
ORDER BY sold_on, id;
