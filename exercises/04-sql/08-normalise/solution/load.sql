INSERT INTO customers (email, name, city)
SELECT DISTINCT customer_email, customer_name, customer_city
FROM sheet;

INSERT INTO products (sku, name, unit_price)
SELECT DISTINCT product_sku, product_name, unit_price
FROM sheet;

INSERT INTO orders (id, placed_on, customer_id)
SELECT DISTINCT s.order_id, s.order_date, c.id
FROM sheet AS s
JOIN customers AS c ON c.email = s.customer_email;

INSERT INTO order_lines (order_id, product_id, quantity)
SELECT s.order_id, p.id, s.quantity
FROM sheet AS s
JOIN products AS p ON p.sku = s.product_sku;
