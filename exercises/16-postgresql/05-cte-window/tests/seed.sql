INSERT INTO employees (id, name, dept, manager_id) VALUES
    (1, 'Ana', 'board', NULL),
    (2, 'Ben', 'sales', 1),
    (3, 'Chen', 'tech', 1),
    (4, 'Dora', 'sales', 2),
    (5, 'Eli', 'sales', 2),
    (6, 'Fay', 'sales', 4),
    (7, 'Gus', 'tech', 3),
    (8, 'Hal', 'tech', 7),
    (9, 'Ida', 'tech', 3),
    (10, 'Jo', 'sales', 2),
    (11, 'Kim', 'sales', 4);

INSERT INTO sales (id, employee_id, sold_on, amount) VALUES
    -- Dora: 9000 in 2025, two sales on 5 January.
    (1, 4, '2024-12-20', 500),
    (2, 4, '2025-01-05', 1000),
    (3, 4, '2025-01-05', 2000),
    (4, 4, '2025-02-10', 3000),
    (5, 4, '2025-03-01', 3000),
    -- Eli and Jo: 7000 each in 2025 (a tie); Eli sold most in 2024.
    (6, 5, '2025-01-10', 7000),
    (7, 10, '2025-02-01', 4000),
    (8, 10, '2025-04-01', 3000),
    (9, 5, '2024-06-01', 12000),
    -- Fay 4000, Kim 3000 in 2025; Ben nothing.
    (10, 6, '2025-05-05', 4000),
    (11, 11, '2025-05-06', 3000),
    -- Tech: Gus and Hal 6000 each (a tie), Ida 2000, Chen 1000.
    (12, 7, '2025-01-02', 6000),
    (13, 8, '2025-01-03', 2500),
    (14, 8, '2025-01-04', 3500),
    (15, 9, '2025-03-03', 2000),
    (16, 3, '2025-03-04', 1000),
    (17, 3, '2024-03-04', 9000),
    -- The board: Ana 500.
    (18, 1, '2025-07-07', 500);
