CREATE TABLE accounts (
    id      INTEGER PRIMARY KEY,
    owner   TEXT NOT NULL,
    balance INTEGER NOT NULL CHECK (balance >= 0),
    frozen  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE transfers (
    id      INTEGER PRIMARY KEY,
    from_id INTEGER NOT NULL REFERENCES accounts (id),
    to_id   INTEGER NOT NULL REFERENCES accounts (id),
    amount  INTEGER NOT NULL CHECK (amount > 0)
);

CREATE TRIGGER frozen_accounts BEFORE UPDATE OF balance ON accounts
WHEN OLD.frozen = 1
BEGIN
    SELECT RAISE(ABORT, 'account is frozen');
END;

INSERT INTO accounts (id, owner, balance, frozen) VALUES
    (70, 'Xi',   300, 0),
    (71, 'Yusuf', 0,  1),
    (72, 'Zara', 50,  0);
