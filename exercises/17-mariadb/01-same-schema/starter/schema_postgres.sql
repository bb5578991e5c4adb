-- The shop's schema as it runs on PostgreSQL today (read-only: your
-- schema.sql says the same for MariaDB).
CREATE TABLE customers (
    id    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email varchar(100) NOT NULL UNIQUE,
    name  varchar(50)  NOT NULL
);

CREATE TABLE products (
    sku   varchar(20)  PRIMARY KEY,
    name  varchar(100) NOT NULL,
    price integer      NOT NULL CHECK (price > 0),      -- in cents
    stock integer      NOT NULL DEFAULT 0 CHECK (stock >= 0)
);

CREATE TABLE orders (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    placed_on   date    NOT NULL
);

CREATE TABLE settings (
    "key"   varchar(50) PRIMARY KEY,
    "value" text        NOT NULL
);
