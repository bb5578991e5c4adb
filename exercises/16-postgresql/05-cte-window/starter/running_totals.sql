-- Every sale of the employee %(employee)s, by date then id:
-- sold_on, amount, running_total, change.
SELECT sold_on, amount, amount AS running_total, NULL::integer AS change
FROM sales
WHERE employee_id = %(employee)s
ORDER BY sold_on, id;
