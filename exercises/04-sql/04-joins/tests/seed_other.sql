CREATE TABLE customers (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    city TEXT
);

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER REFERENCES customers (id),
    placed_on   TEXT NOT NULL,
    total       REAL NOT NULL,
    status      TEXT NOT NULL
);

INSERT INTO customers (id, name, city) VALUES
    (10, 'Zed Park',   'Oslo'),
    (11, 'Ida Berg',   NULL),
    (12, 'Ida Berg',   'Bergen'),
    (13, 'Max Roth',   'Oslo'),
    (14, 'Lea Voss',   NULL);

INSERT INTO orders (id, customer_id, placed_on, total, status) VALUES
    (100, 13,   '2024-05-02', 8.25,  'paid'),
    (101, NULL, '2024-05-01', 60.0,  'paid'),
    (102, 12,   '2024-05-01', 19.0,  'paid'),
    (103, 13,   '2024-05-01', 11.75, 'paid'),
    (104, 11,   '2024-05-03', 70.0,  'refunded'),
    (105, 12,   '2024-05-03', 1.0,   'paid');
