CREATE TABLE products (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    category TEXT,
    price    REAL,
    stock    INTEGER NOT NULL DEFAULT 0
);

INSERT INTO products (id, name, category, price, stock) VALUES
    (1, 'Beloved',    'book',       11.0, 0),
    (2, 'Pencil',     'stationery', NULL, 0),
    (3, 'Kindred',    'book',       NULL, 2),
    (4, 'Ulysses',    'book',       15.0, 4),
    (5, 'Stool',      NULL,         NULL, 0),
    (6, 'Middlemarch','book',       4.5,  0),
    (7, 'Bookmark',   'stationery', 1.0,  0);
