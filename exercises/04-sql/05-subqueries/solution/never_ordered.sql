SELECT p.id, p.name
FROM products AS p
WHERE NOT EXISTS (SELECT 1 FROM order_items AS i WHERE i.product_id = p.id)
ORDER BY p.name;
