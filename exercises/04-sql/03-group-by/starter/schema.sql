-- The shop's orders table (read-only: your query runs against it).
CREATE TABLE orders (
    id         INTEGER PRIMARY KEY,
    customer   TEXT NOT NULL,
    product    TEXT NOT NULL,
    quantity   INTEGER NOT NULL,
    unit_price REAL NOT NULL,
    status     TEXT              -- 'paid', 'shipped' or 'cancelled'; NULL while the order is open
);
