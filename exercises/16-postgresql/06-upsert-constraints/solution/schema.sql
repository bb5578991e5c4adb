-- The shop's tables, with the rules the database itself enforces: no code
-- path, however buggy, can store a row that breaks them.

CREATE TABLE customers (
    id    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,        -- also what ON CONFLICT (email) needs
    name  text NOT NULL
);

CREATE TABLE products (
    sku   text    PRIMARY KEY,
    name  text    NOT NULL,
    price integer NOT NULL CHECK (price > 0),
    stock integer NOT NULL DEFAULT 0 CHECK (stock >= 0)
);

CREATE TABLE product_tags (
    sku text NOT NULL REFERENCES products (sku) ON DELETE CASCADE,
    tag text NOT NULL,
    PRIMARY KEY (sku, tag)             -- a product has each tag once
);

CREATE TABLE orders (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE
);

CREATE TABLE order_lines (
    order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    -- RESTRICT: a product that was sold stays, the orders need it.
    sku      text    NOT NULL REFERENCES products (sku) ON DELETE RESTRICT,
    quantity integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku)
);

CREATE TABLE featured (
    slot integer NOT NULL,
    sku  text    NOT NULL REFERENCES products (sku) ON DELETE CASCADE,
    -- DEFERRABLE: checked when the statement (or, once deferred, the
    -- transaction) ends, not row by row, so that one UPDATE may move every
    -- slot down by one while the old and new numbers overlap.
    CONSTRAINT featured_slot_unique UNIQUE (slot) DEFERRABLE INITIALLY IMMEDIATE
);
