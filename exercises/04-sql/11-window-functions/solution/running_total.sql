SELECT region,
       month,
       SUM(amount) AS total,
       SUM(SUM(amount)) OVER (PARTITION BY region ORDER BY month) AS running_total
FROM sales
GROUP BY region, month
ORDER BY region, month;
