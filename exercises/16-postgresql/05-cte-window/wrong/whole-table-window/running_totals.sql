-- The windows run over every employee's sales; the WHERE comes too late.
SELECT sold_on, amount, running_total, change
FROM (
    SELECT employee_id, id, sold_on, amount,
           SUM(amount) OVER (ORDER BY sold_on, id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_total,
           amount - LAG(amount) OVER (ORDER BY sold_on, id) AS change
    FROM sales
) AS windowed
WHERE employee_id = %(employee)s
ORDER BY sold_on, id;
