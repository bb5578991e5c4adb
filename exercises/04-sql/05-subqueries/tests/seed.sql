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
    (1,  'Mug',       'kitchen', 8.0),
    (2,  'Teapot',    'kitchen', 24.0),
    (3,  'Kettle',    'kitchen', 30.0),
    (4,  'Spoon',     'kitchen', 2.0),
    (5,  'Pen',       'office',  1.5),
    (6,  'Stapler',   'office',  9.0),
    (7,  'Desk lamp', 'office',  NULL),
    (8,  'Notebook',  'office',  4.5),
    (9,  'Candle',    'home',    6.0),
    (10, 'Vase',      'home',    6.0);

INSERT INTO order_items (id, order_id, product_id, quantity) VALUES
    (1, 1, 1,    2),
    (2, 1, 5,    10),
    (3, 2, 5,    12),
    (4, 2, NULL, 1),
    (5, 3, 2,    1),
    (6, 3, 8,    10),
    (7, 4, 9,    3),
    (8, 5, 1,    20),
    (9, 6, NULL, 50);
