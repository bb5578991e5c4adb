SELECT name,
       category,
       price,
       ROUND((SELECT AVG(price) FROM products), 2) AS category_avg
FROM products
WHERE price > (SELECT AVG(price) FROM products)
ORDER BY category, price DESC, name;
