CREATE TABLE products (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    category TEXT,
    price    REAL,
    stock    INTEGER NOT NULL DEFAULT 0
);

INSERT INTO products (id, name, category, price, stock) VALUES
    (1,  'Dune',        'book',       9.5,  3),
    (2,  'Neuromancer', 'book',       8.0,  0),
    (3,  'Foundation',  'book',       NULL, 5),
    (4,  'Desk lamp',   'home',       NULL, 4),
    (5,  'Hyperion',    'book',       NULL, 0),
    (6,  'Notebook',    'stationery', 2.5,  0),
    (7,  'Book stand',  'home',       12.0, 0),
    (8,  'The Hobbit',  NULL,         NULL, 0),
    (9,  'Emma',        'book',       0.0,  2),
    (10, 'Ubik',        'book',       7.25, 1);
