CREATE TABLE customers (
    id    integer PRIMARY KEY,
    email text    NOT NULL,
    name  text    NOT NULL
);

CREATE TABLE events (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id integer     NOT NULL REFERENCES customers (id),
    kind        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    amount      integer
);

CREATE TABLE jobs (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status    text        NOT NULL,
    run_after timestamptz NOT NULL,
    payload   text        NOT NULL
);
