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
    (1,  'Dune',        'book',       9.5,   3),
    (2,  'Neuromancer', 'book',       8.0,   0),
    (3,  'Foundation',  'book',       NULL,  5),
    (4,  'Hyperion',    'book',       12.99, 0),
    (5,  'Notebook',    'stationery', 2.5,   0),
    (6,  'Pencil',      'stationery', 1.2,   40),
    (7,  'Stool',       NULL,         35.0,  0),
    (8,  'Poster',      NULL,         5.0,   2),
    (9,  'Ubik',        'book',       7.2,   0),
    (10, 'Eraser',      'stationery', 0.8,   0);

INSERT INTO order_items (id, order_id, product_id, quantity) VALUES
    (1, 1, 2,  1),
    (2, 1, 9,  2),
    (3, 2, 10, 5),
    (4, 3, 1,  1);
