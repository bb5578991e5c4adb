SELECT c.name,
       c.city,
       COUNT(*) AS paid_orders,
       ROUND(COALESCE(SUM(o.total), 0), 2) AS spent
FROM customers AS c
LEFT JOIN orders AS o
       ON o.customer_id = c.id AND o.status = 'paid'
GROUP BY c.id
ORDER BY spent DESC, c.name;
