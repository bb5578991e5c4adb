-- The two queries the app runs all the time (read-only: make them fast).
-- The ? are filled in by the app: a user id; a kind and a date.

-- 1. A user's 20 most recent events, for their activity page.
SELECT id, kind, created_at
FROM events
WHERE user_id = ?
ORDER BY created_at DESC
LIMIT 20;

-- 2. How many events of one kind there have been since a date, for a dashboard.
SELECT COUNT(*)
FROM events
WHERE kind = ? AND created_at >= ?;
