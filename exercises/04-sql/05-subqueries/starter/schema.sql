-- The shop's catalogue and the lines of its orders (read-only: your queries run against them).
CREATE TABLE products (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    category TEXT NOT NULL,       -- 'kitchen', 'office', ...
    price    REAL                 -- NULL while the price is not set
);

-- One row per product in an order. When a product is deleted from the
-- catalogue, its old order lines stay, with product_id set to NULL.
CREATE TABLE order_items (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL,
    product_id INTEGER REFERENCES products (id) ON DELETE SET NULL,
    quantity   INTEGER NOT NULL
);
