CREATE TABLE sheet (
    order_id       INTEGER NOT NULL,
    order_date     TEXT NOT NULL,
    customer_email TEXT NOT NULL,
    customer_name  TEXT NOT NULL,
    customer_city  TEXT,
    product_sku    TEXT NOT NULL,
    product_name   TEXT NOT NULL,
    unit_price     REAL NOT NULL,
    quantity       INTEGER NOT NULL
);

INSERT INTO sheet VALUES
    (1001, '2024-04-01', 'ana@example.com',     'Ana Silva',  'Lisbon', 'MUG-RED', 'Mug',       8.0,  2),
    (1001, '2024-04-01', 'ana@example.com',     'Ana Silva',  'Lisbon', 'TEA-50',  'Green tea', 4.5,  1),
    (1002, '2024-04-02', 'ben@example.com',     'Ben Okafor', NULL,     'MUG-RED', 'Mug',       8.0,  1),
    (1002, '2024-04-02', 'ben@example.com',     'Ben Okafor', NULL,     'MUG-BLU', 'Mug',       8.5,  1),
    (1002, '2024-04-02', 'ben@example.com',     'Ben Okafor', NULL,     'KETTLE',  'Kettle',    30.0, 1),
    (1003, '2024-04-02', 'ana@example.com',     'Ana Silva',  'Lisbon', 'TEA-50',  'Green tea', 4.5,  4),
    (1004, '2024-04-05', 'sam.lee@example.com', 'Sam Lee',    'Leeds',  'KETTLE',  'Kettle',    30.0, 1),
    (1005, '2024-04-06', 'sam@example.org',     'Sam Lee',    NULL,     'MUG-BLU', 'Mug',       8.5,  6),
    (1005, '2024-04-06', 'sam@example.org',     'Sam Lee',    NULL,     'TEA-50',  'Green tea', 4.5,  1);
