-- The company's tables (read-only: the tests create and fill them).

CREATE TABLE employees (
    id         integer PRIMARY KEY,
    name       text    NOT NULL,
    dept       text    NOT NULL,
    manager_id integer REFERENCES employees (id)   -- NULL for the head of the company
);

CREATE TABLE sales (
    id          integer PRIMARY KEY,
    employee_id integer NOT NULL REFERENCES employees (id),
    sold_on     date    NOT NULL,
    amount      integer NOT NULL   -- in cents
);
