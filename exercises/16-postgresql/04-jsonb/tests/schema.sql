CREATE TABLE products (
    id    integer PRIMARY KEY,
    name  text    NOT NULL,
    attrs jsonb   NOT NULL DEFAULT '{}'
);
