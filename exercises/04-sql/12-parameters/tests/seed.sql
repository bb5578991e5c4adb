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
    (1, 'admin', 'admin@example.com', 'pbkdf2_sha256$600000$salt$ADMIN-HASH'),
    (2, 'ana',   'ana@example.com',   'pbkdf2_sha256$600000$salt$ANA-HASH'),
    (3, 'Ana',   'ana.b@example.com', 'pbkdf2_sha256$600000$salt$ANA-B-HASH');

INSERT INTO products (id, name, price, public) VALUES
    (1, 'Desk lamp',       24.5, 1),
    (2, 'Floor lamp',      60.0, 1),
    (3, 'O''Neill''s mug', 9.0,  1),
    (4, '100% cotton tee', 15.0, 1),
    (5, 'snake_case mug',  7.0,  1),
    (6, 'Lamp prototype',  0.0,  0),
    (7, 'Notebook',        3.5,  1);

INSERT INTO reviews (id, product_id, author, body) VALUES
    (1, 1, 'ana', 'Bright and steady.');
