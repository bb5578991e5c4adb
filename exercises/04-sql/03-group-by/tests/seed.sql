CREATE TABLE orders (
    id         INTEGER PRIMARY KEY,
    customer   TEXT NOT NULL,
    product    TEXT NOT NULL,
    quantity   INTEGER NOT NULL,
    unit_price REAL NOT NULL,
    status     TEXT
);

INSERT INTO orders (id, customer, product, quantity, unit_price, status) VALUES
    (1,  'alice', 'mug',       2,  25.0,  'paid'),
    (2,  'bob',   'desk lamp', 1,  120.0, NULL),
    (3,  'alice', 'kettle',    1,  60.0,  'shipped'),
    (4,  'carol', 'notebook',  4,  12.5,  'paid'),
    (5,  'dave',  'pen',       1,  80.0,  'paid'),
    (6,  'alice', 'spoon',     3,  10.0,  'cancelled'),
    (7,  'erin',  'candle',    10, 11.0,  'shipped'),
    (8,  'dave',  'armchair',  1,  400.0, 'cancelled'),
    (9,  'bob',   'bulb',      1,  5.5,   'paid'),
    (10, 'carol', 'planner',   2,  25.0,  NULL),
    (11, 'frank', 'clock',     1,  99.99, 'paid');
