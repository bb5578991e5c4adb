SELECT p.name
FROM products AS p
JOIN order_items AS i ON i.product_id = p.id
WHERE i.quantity >= 10
ORDER BY p.name;
