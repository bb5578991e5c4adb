-- The bank's tables (read-only: transfer() works on them).
CREATE TABLE accounts (
    id      INTEGER PRIMARY KEY,
    owner   TEXT NOT NULL,
    balance INTEGER NOT NULL CHECK (balance >= 0),  -- in cents; never below zero
    frozen  INTEGER NOT NULL DEFAULT 0              -- 1: the account is frozen
);

-- One row per transfer that happened.
CREATE TABLE transfers (
    id      INTEGER PRIMARY KEY,
    from_id INTEGER NOT NULL REFERENCES accounts (id),
    to_id   INTEGER NOT NULL REFERENCES accounts (id),
    amount  INTEGER NOT NULL CHECK (amount > 0)     -- in cents
);

-- A frozen account can neither send nor receive money: changing its balance
-- fails with sqlite3.IntegrityError("account is frozen").
CREATE TRIGGER frozen_accounts BEFORE UPDATE OF balance ON accounts
WHEN OLD.frozen = 1
BEGIN
    SELECT RAISE(ABORT, 'account is frozen');
END;
