CREATE TABLE orders (
    id         INTEGER PRIMARY KEY,
    customer   TEXT NOT NULL,
    product    TEXT NOT NULL,
    quantity   INTEGER NOT NULL,
    unit_price REAL NOT NULL,
    status     TEXT
);

INSERT INTO orders (id, customer, product, quantity, unit_price, status) VALUES
    (1, 'zoe',  'rug',    1, 150.0, 'shipped'),
    (2, 'yann', 'vase',   3, 20.0,  NULL),
    (3, 'yann', 'vase',   2, 20.0,  NULL),
    (4, 'xiu',  'lamp',   1, 300.0, 'cancelled'),
    (5, 'xiu',  'shade',  1, 100.0, 'paid'),
    (6, 'wim',  'tray',   4, 24.75, 'paid'),
    (7, 'yann', 'plate',  1, 50.0,  'paid'),
    (8, 'vera', 'sofa',   1, 900.0, 'cancelled');
