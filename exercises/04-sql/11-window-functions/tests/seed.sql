CREATE TABLE sales (
    id     INTEGER PRIMARY KEY,
    region TEXT NOT NULL,
    rep    TEXT NOT NULL,
    month  TEXT NOT NULL,
    amount INTEGER NOT NULL
);

INSERT INTO sales (id, region, rep, month, amount) VALUES
    (1,  'North', 'Ana', '2024-01', 100),
    (2,  'North', 'Ben', '2024-01', 50),
    (3,  'North', 'Ana', '2024-02', 30),
    (4,  'North', 'Cy',  '2024-02', 120),
    (5,  'North', 'Dee', '2024-02', 10),
    (6,  'North', 'Ben', '2024-03', 80),
    (7,  'North', 'Dee', '2024-03', 140),
    (8,  'South', 'Eve', '2024-01', 70),
    (9,  'South', 'Eve', '2024-01', 30),
    (10, 'South', 'Fay', '2024-03', 90),
    (11, 'South', 'Gus', '2024-03', 40),
    (12, 'West',  'Hal', '2024-02', 60),
    (13, 'West',  'Ida', '2024-02', 60),
    (14, 'West',  'Jo',  '2024-03', 60),
    (15, 'East',  'Kai', '2024-01', 200),
    (16, 'East',  'Lu',  '2024-02', 120),
    (17, 'East',  'Lu',  '2024-03', 80),
    (18, 'East',  'Mo',  '2024-03', 150);
