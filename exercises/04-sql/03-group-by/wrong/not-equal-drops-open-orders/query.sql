SELECT customer,
       COUNT(*) AS order_count,
       ROUND(SUM(quantity * unit_price), 2) AS revenue
FROM orders
WHERE status <> 'cancelled'
GROUP BY customer
HAVING SUM(quantity * unit_price) >= 100
ORDER BY revenue DESC, customer;
