CREATE TABLE products (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    category TEXT,
    price    REAL,
    stock    INTEGER NOT NULL DEFAULT 0
);

INSERT INTO products (id, name, category, price, stock) VALUES
    (1, 'Zine',       'book', 2.0,  5),
    (2, 'Atlas',      'book', 25.0, 1),
    (3, 'Postcard',   'gift', 0.5,  50),
    (4, 'Calendar',   'gift', NULL, 2),
    (5, 'Bookmark',   'gift', 2.0,  30),
    (6, 'Comic',      'book', 2.0,  7),
    (7, 'Map',        NULL,   NULL, 0);
