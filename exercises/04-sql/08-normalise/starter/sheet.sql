-- The shop's order spreadsheet, loaded into the database exactly as it was
-- kept: one row per product in an order (read-only: your load.sql reads it).
--
-- Within the sheet:
--   * the same customer_email always comes with the same name and city;
--   * the same product_sku always comes with the same product name and price;
--   * the same order_id always comes with the same date and customer;
--   * an order lists each product at most once.
CREATE TABLE sheet (
    order_id       INTEGER NOT NULL,  -- the order number
    order_date     TEXT NOT NULL,     -- 'YYYY-MM-DD'
    customer_email TEXT NOT NULL,     -- identifies the customer
    customer_name  TEXT NOT NULL,     -- two customers may share a name
    customer_city  TEXT,              -- NULL when unknown
    product_sku    TEXT NOT NULL,     -- identifies the product
    product_name   TEXT NOT NULL,     -- two products may share a name
    unit_price     REAL NOT NULL,     -- the product's price
    quantity       INTEGER NOT NULL   -- how many of the product in this order
);

-- A few of its rows:
--
-- order_id | order_date | customer_email  | customer_name | customer_city | product_sku | product_name | unit_price | quantity
-- 1001     | 2024-04-01 | ana@example.com | Ana Silva     | Lisbon        | MUG-RED     | Mug          | 8.0        | 2
-- 1001     | 2024-04-01 | ana@example.com | Ana Silva     | Lisbon        | TEA-50      | Green tea    | 4.5        | 1
-- 1002     | 2024-04-02 | ben@example.com | Ben Okafor    | NULL          | MUG-RED     | Mug          | 8.0        | 1
-- 1003     | 2024-04-02 | ana@example.com | Ana Silva     | Lisbon        | TEA-50      | Green tea    | 4.5        | 4
