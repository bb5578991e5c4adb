CREATE TABLE customers (
    id    INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
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
    id        INTEGER PRIMARY KEY,
    placed_on TEXT NOT NULL
);

-- The customer is repeated on every line of an order.
CREATE TABLE order_lines (
    order_id    INTEGER NOT NULL REFERENCES orders (id),
    product_id  INTEGER NOT NULL REFERENCES products (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    quantity    INTEGER NOT NULL,
    PRIMARY KEY (order_id, product_id)
);
