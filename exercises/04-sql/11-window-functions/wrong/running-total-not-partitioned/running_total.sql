SELECT region,
       month,
       SUM(amount) AS total,
       SUM(SUM(amount)) OVER (ORDER BY month) AS running_total
FROM sales
GROUP BY region, month
ORDER BY region, month;
