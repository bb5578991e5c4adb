SELECT p.name,
       p.category,
       p.price,
       ROUND((SELECT AVG(q.price) FROM products AS q WHERE q.category = p.category), 2) AS category_avg
FROM products AS p
WHERE p.price > (SELECT AVG(q.price) FROM products AS q WHERE q.category = p.category)
ORDER BY p.category, p.price DESC, p.name;
