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
    (7, '2023-12-30', 'kim@example.net', 'Kim Ito',   'Osaka', 'PEN-B', 'Pen',      1.25, 10),
    (8, '2023-12-31', 'lou@example.net', 'Lou Marsh', NULL,    'PEN-B', 'Pen',      1.25, 2),
    (8, '2023-12-31', 'lou@example.net', 'Lou Marsh', NULL,    'PAD-A4', 'Notepad', 3.0,  1),
    (9, '2024-01-02', 'kim@example.net', 'Kim Ito',   'Osaka', 'PAD-A4', 'Notepad', 3.0,  3),
    (9, '2024-01-02', 'kim@example.net', 'Kim Ito',   'Osaka', 'PEN-R',  'Pen',     1.5,  1),
    (12, '2024-01-02', 'kit@example.net', 'Kim Ito',  NULL,    'PEN-R',  'Pen',     1.5,  5);
