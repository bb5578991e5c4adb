CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    payload    TEXT
);

-- 1000 events of 97 users, 37 minutes apart.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
INSERT INTO events (user_id, kind, created_at, payload)
SELECT i % 97,
       CASE i % 4 WHEN 0 THEN 'login' WHEN 3 THEN 'purchase' ELSE 'view' END,
       strftime('%Y-%m-%d %H:%M:%S', '2024-01-01', '+' || (i * 37) || ' minutes'),
       CASE WHEN i % 5 = 0 THEN NULL ELSE 'page ' || (i % 13) END
FROM n;
