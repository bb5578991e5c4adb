-- The three queries the app runs all the time (read-only: the tests EXPLAIN
-- them with their own values in place of $1).

-- 1. A customer's latest purchases, newest first.
SELECT id, created_at, amount
FROM events
WHERE customer_id = $1 AND kind = 'purchase'
ORDER BY created_at DESC
LIMIT 20;

-- 2. The customer who signs in with an e-mail address, in any letter case.
SELECT id, name
FROM customers
WHERE lower(email) = lower($1);

-- 3. The next pending jobs that are due.
SELECT id, payload
FROM jobs
WHERE status = 'pending' AND run_after <= $1
ORDER BY run_after
LIMIT 10;
