SELECT customer,
       COUNT(*) AS order_count,
       ROUND(SUM(quantity * unit_price), 2) AS revenue
FROM orders
WHERE (status IS NULL OR status <> 'cancelled')
  AND quantity * unit_price >= 100
GROUP BY customer
ORDER BY revenue DESC, customer;
