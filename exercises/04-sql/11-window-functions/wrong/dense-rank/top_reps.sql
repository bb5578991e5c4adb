WITH ranked AS (
    SELECT region,
           rep,
           SUM(amount) AS total,
           DENSE_RANK() OVER (PARTITION BY region ORDER BY SUM(amount) DESC) AS sales_rank
    FROM sales
    GROUP BY region, rep
)
SELECT region, rep, total, sales_rank
FROM ranked
WHERE sales_rank <= 2
ORDER BY region, sales_rank, rep;
