CREATE TABLE products (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    category TEXT NOT NULL,
    price    REAL
);

CREATE TABLE order_items (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL,
    product_id INTEGER REFERENCES products (id) ON DELETE SET NULL,
    quantity   INTEGER NOT NULL
);

INSERT INTO products (id, name, category, price) VALUES
    (21, 'Tent',       'outdoor', 120.0),
    (22, 'Stove',      'outdoor', 45.0),
    (23, 'Lantern',    'outdoor', 15.0),
    (24, 'Map',        'books',   NULL),
    (25, 'Field guide','books',   18.0),
    (26, 'Atlas',      'books',   30.0),
    (27, 'Compass',    'outdoor', NULL);

INSERT INTO order_items (id, order_id, product_id, quantity) VALUES
    (1, 7, 22,   1),
    (2, 7, NULL, 30),
    (3, 8, 25,   15),
    (4, 8, 23,   10),
    (5, 9, 23,   11),
    (6, 9, 24,   2);
