CREATE TABLE authors (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE
);

CREATE TABLE books (
    id        INTEGER PRIMARY KEY,
    title     TEXT NOT NULL,
    author_id INTEGER NOT NULL,
    isbn      TEXT UNIQUE,
    pages     INTEGER CHECK (pages > 0),
    price     REAL NOT NULL CHECK (price >= 0)
);
