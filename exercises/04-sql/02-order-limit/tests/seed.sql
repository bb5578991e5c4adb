CREATE TABLE products (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    category TEXT,
    price    REAL,
    stock    INTEGER NOT NULL DEFAULT 0
);

INSERT INTO products (id, name, category, price, stock) VALUES
    (1, 'Pencil',       'stationery', 1.2,  40),
    (2, 'Stapler',      'stationery', NULL, 3),
    (3, 'Sticky notes', 'stationery', 2.0,  12),
    (4, 'Ruler',        'stationery', 1.5,  8),
    (5, 'Eraser',       'stationery', 0.8,  25),
    (6, 'Paper clips',  NULL,         NULL, 100),
    (7, 'Marker',       'stationery', 1.5,  0),
    (8, 'Glue',         'stationery', 1.5,  6),
    (9, 'Notebook',     'stationery', 3.5,  10);
