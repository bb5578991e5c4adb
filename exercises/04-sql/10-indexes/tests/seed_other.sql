CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    payload    TEXT
);

-- 1500 events of 12 users and 6 kinds, 11 minutes apart.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500)
INSERT INTO events (user_id, kind, created_at, payload)
SELECT 1000 + (i * 7) % 12,
       'kind-' || (i % 6),
       strftime('%Y-%m-%d %H:%M:%S', '2023-06-01 08:00:00', '+' || (i * 11) || ' minutes'),
       NULL
FROM n;
