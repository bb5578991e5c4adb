INSERT INTO customers (email, name, city)
SELECT DISTINCT customer_email, customer_name, customer_city
FROM sheet;

INSERT INTO products (sku, name, unit_price)
SELECT DISTINCT product_sku, product_name, unit_price
FROM sheet;

INSERT INTO orders (id, placed_on)
SELECT DISTINCT order_id, order_date
FROM sheet;

INSERT INTO order_lines (order_id, product_id, customer_id, quantity)
SELECT s.order_id, p.id, c.id, s.quantity
FROM sheet AS s
JOIN products AS p ON p.sku = s.product_sku
JOIN customers AS c ON c.email = s.customer_email;
