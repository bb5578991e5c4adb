-- The shop's tables (read-only: your script runs against them).
CREATE TABLE products (
    id       INTEGER PRIMARY KEY,   -- the database picks the next free id when you leave it out
    name     TEXT NOT NULL,
    category TEXT,                  -- NULL if not sorted yet
    price    REAL,                  -- NULL while the price is not set
    stock    INTEGER NOT NULL DEFAULT 0
);

-- One row per product in an order. The foreign key means the database
-- refuses to delete a product that an order line still points to.
CREATE TABLE order_items (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL,
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity   INTEGER NOT NULL
);
