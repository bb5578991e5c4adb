-- 1. A new product; the database picks its id.
INSERT INTO products (name, category, price, stock)
VALUES ('Desk lamp', 'home', 24.5, 10);

-- 2. Books cost 10% more (a NULL price stays NULL).
UPDATE products
SET price = ROUND(price * 1.1, 2)
WHERE category = 'book';

-- 3. Products without a category go to 'misc'.
UPDATE products
SET category = 'misc'
WHERE category = NULL;

-- 4. Out of stock and never ordered: gone.
DELETE FROM products
WHERE stock = 0
  AND id NOT IN (SELECT product_id FROM order_items);
