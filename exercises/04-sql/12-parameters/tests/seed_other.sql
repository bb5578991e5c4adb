CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    email         TEXT NOT NULL,
    password_hash TEXT NOT NULL
);

CREATE TABLE products (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    price  REAL NOT NULL,
    public INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE reviews (
    id         INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id),
    author     TEXT NOT NULL,
    body       TEXT NOT NULL
);

INSERT INTO users (id, username, email, password_hash) VALUES
    (40, 'root',  'root@example.net', 'argon2$ROOT-HASH'),
    (41, 'o''hara', 'oh@example.net', 'argon2$OHARA-HASH');

INSERT INTO products (id, name, price, public) VALUES
    (50, 'Tea cup',         4.0, 1),
    (51, 'Secret teapot',   0.0, 0),
    (52, 'TEA towel',       6.0, 1),
    (53, '50% off sticker', 0.5, 1),
    (54, 'Steam iron',      35.0, 1);

INSERT INTO reviews (id, product_id, author, body) VALUES
    (9, 50, 'root', 'Fine.');
