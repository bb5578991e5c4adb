SELECT name, price
FROM products
ORDER BY price, name
LIMIT 3;
