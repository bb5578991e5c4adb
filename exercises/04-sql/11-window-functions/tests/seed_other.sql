CREATE TABLE sales (
    id     INTEGER PRIMARY KEY,
    region TEXT NOT NULL,
    rep    TEXT NOT NULL,
    month  TEXT NOT NULL,
    amount INTEGER NOT NULL
);

INSERT INTO sales (id, region, rep, month, amount) VALUES
    (1, 'Coast',  'Pia', '2023-11', 40),
    (2, 'Coast',  'Quin', '2023-11', 90),
    (3, 'Coast',  'Pia', '2023-12', 50),
    (4, 'Coast',  'Rolf', '2024-01', 75),
    (5, 'Coast',  'Sue', '2024-01', 75),
    (6, 'Inland', 'Tom', '2023-12', 300),
    (7, 'Inland', 'Uma', '2023-12', 20),
    (8, 'Inland', 'Uma', '2024-02', 20),
    (9, 'Inland', 'Vik', '2024-02', 40);
