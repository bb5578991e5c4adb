-- The shop's tables. Add the keys and constraints the README asks for.

CREATE TABLE customers (
    id    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    name  text NOT NULL
);

CREATE TABLE products (
    sku   text    PRIMARY KEY,
    name  text    NOT NULL,
    price integer NOT NULL,            -- in cents
    stock integer NOT NULL DEFAULT 0
);

CREATE TABLE product_tags (
    sku text NOT NULL,
    tag text NOT NULL
);

CREATE TABLE orders (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer NOT NULL
);

CREATE TABLE order_lines (
    order_id integer NOT NULL,
    sku      text    NOT NULL,
    quantity integer NOT NULL
);

CREATE TABLE featured (
    slot integer NOT NULL,             -- 1 is the top of the home page
    sku  text    NOT NULL
);
