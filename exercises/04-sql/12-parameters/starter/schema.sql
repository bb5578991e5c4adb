-- The shop's tables (read-only: your functions run queries against them).
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    email         TEXT NOT NULL,
    password_hash TEXT NOT NULL      -- must never leak
);

CREATE TABLE products (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    price  REAL NOT NULL,
    public INTEGER NOT NULL DEFAULT 1   -- 0: a prototype or withdrawn product, never shown
);

CREATE TABLE reviews (
    id         INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id),
    author     TEXT NOT NULL,
    body       TEXT NOT NULL
);
