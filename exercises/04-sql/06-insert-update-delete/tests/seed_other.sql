CREATE TABLE products (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    category TEXT,
    price    REAL,
    stock    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE order_items (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL,
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity   INTEGER NOT NULL
);

INSERT INTO products (id, name, category, price, stock) VALUES
    (11, 'Emma',       'book', 20.0, 0),
    (12, 'Ulysses',    'book', NULL, 0),
    (13, 'Map',        NULL,   3.0,  0),
    (14, 'Mug',        'home', 6.0,  0),
    (15, 'Beloved',    'book', 4.0,  7),
    (16, 'Tote bag',   NULL,   NULL, 9),
    (30, 'Lamp shade', 'home', 12.0, 1);

INSERT INTO order_items (id, order_id, product_id, quantity) VALUES
    (1, 5, 11, 2),
    (2, 6, 14, 1),
    (3, 6, 11, 1);
