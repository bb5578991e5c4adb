SELECT o.id AS order_id,
       c.name AS customer,
       o.placed_on,
       o.total
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
ORDER BY o.placed_on, o.id;
