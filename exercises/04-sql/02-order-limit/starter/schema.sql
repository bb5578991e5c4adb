-- The shop's products table (read-only: your query runs against it).
CREATE TABLE products (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    category TEXT,                      -- 'book', 'stationery', ...; NULL if not sorted yet
    price    REAL,                      -- NULL while the price is not set
    stock    INTEGER NOT NULL DEFAULT 0 -- items on the shelf
);
