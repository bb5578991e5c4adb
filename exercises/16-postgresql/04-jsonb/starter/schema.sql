-- The shop's table (read-only: the tests create and fill it, then run your
-- index.sql). Every product's attributes are one JSONB document.

CREATE TABLE products (
    id    integer PRIMARY KEY,
    name  text    NOT NULL,
    attrs jsonb   NOT NULL DEFAULT '{}'
);

-- A product's attrs, for example:
-- {"colour": "red",
--  "tags": ["kitchen", "sale"],
--  "size": {"width": 9, "height": 10},
--  "variants": [{"sku": "MUG-S", "price": 800}, {"sku": "MUG-L", "price": 1200}],
--  "stock": {"north": 4}}
-- Any key may be missing; "colour" may be null. Prices are in cents.
