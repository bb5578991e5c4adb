-- One table per kind of thing; each fact about it stored once.
CREATE TABLE customers (
    id    INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    name  TEXT NOT NULL,
    city  TEXT
);

CREATE TABLE products (
    id         INTEGER PRIMARY KEY,
    sku        TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    unit_price REAL NOT NULL
);

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,  -- the order number from the sheet
    placed_on   TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customers (id)
);

-- The lines of an order: which products, how many of each.
CREATE TABLE order_lines (
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity   INTEGER NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
