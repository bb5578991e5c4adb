-- The library's table, in the PostgreSQL database "drill" (read-only: the
-- tests create it afresh before each test; your functions use it).
CREATE TABLE books (
    id     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- the server numbers new books
    title  text    NOT NULL,
    author text    NOT NULL,
    year   integer NOT NULL
);
