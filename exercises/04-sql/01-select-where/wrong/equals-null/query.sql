SELECT name, price, stock
FROM products
WHERE category = 'book'
  AND (stock = 0 OR price = NULL);
