-- The app's event log: thousands of rows, and more every minute
-- (read-only: your indexes are added to it).
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL,
    kind       TEXT NOT NULL,     -- 'login', 'view', 'purchase', ...
    created_at TEXT NOT NULL,     -- 'YYYY-MM-DD HH:MM:SS'
    payload    TEXT
);
