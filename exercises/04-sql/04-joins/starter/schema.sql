-- The shop's customers and orders (read-only: your queries run against them).
CREATE TABLE customers (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,           -- not unique: two customers may share a name
    city TEXT                     -- NULL when the customer did not say
);

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers (id),  -- NULL for a guest checkout
    placed_on   TEXT NOT NULL,    -- 'YYYY-MM-DD'
    total       REAL NOT NULL,
    status      TEXT NOT NULL     -- 'paid' or 'refunded'
);
