INSERT INTO employees (id, name, dept, manager_id) VALUES
    (20, 'Zoe', 'ops', NULL),
    (21, 'Yan', 'ops', 20),
    (22, 'Xia', 'ops', 21),
    (23, 'Wil', 'field', 22),
    (24, 'Val', 'field', 20),
    (25, 'Uma', 'field', 24);

INSERT INTO sales (id, employee_id, sold_on, amount) VALUES
    (40, 23, '2023-02-02', 300),
    (41, 23, '2023-02-02', 100),
    (42, 23, '2023-02-01', 700),
    (43, 24, '2023-05-05', 1100),
    (44, 25, '2023-05-06', 1100),
    (45, 21, '2023-01-01', 50),
    (46, 22, '2023-01-09', 60),
    (47, 20, '2022-01-09', 999);
