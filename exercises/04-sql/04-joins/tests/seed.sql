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
    (1, 'Ana Silva',  'Lisbon'),
    (2, 'Ben Okafor', 'Leeds'),
    (3, 'Chen Wei',   NULL),
    (4, 'Dora Kim',   'Leeds'),
    (5, 'Sam Lee',    'Leeds'),
    (6, 'Sam Lee',    NULL),
    (7, 'Eve Novak',  'Porto');

INSERT INTO orders (id, customer_id, placed_on, total, status) VALUES
    (1,  1,    '2024-03-01', 30.0, 'paid'),
    (2,  2,    '2024-03-01', 12.5, 'paid'),
    (3,  NULL, '2024-03-02', 99.0, 'paid'),
    (4,  1,    '2024-03-03', 20.0, 'refunded'),
    (5,  3,    '2024-03-03', 45.5, 'paid'),
    (6,  6,    '2024-03-04', 15.0, 'refunded'),
    (7,  5,    '2024-03-05', 40.0, 'paid'),
    (8,  1,    '2024-03-05', 25.0, 'paid'),
    (9,  NULL, '2024-03-06', 5.0,  'refunded'),
    (10, 2,    '2024-03-07', 33.0, 'paid');
