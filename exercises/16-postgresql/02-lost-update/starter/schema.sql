-- The wallet's table, in the PostgreSQL database "drill" (read-only: the
-- tests create it afresh before each test).
CREATE TABLE accounts (
    id      integer PRIMARY KEY,
    owner   text    NOT NULL,
    balance integer NOT NULL   -- in cents
);
