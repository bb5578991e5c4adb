-- 20 000 customers, 100 000 events of the first 200 of them (a fifth are
-- purchases), 50 000 jobs of which one in a hundred is pending. Loaded
-- without ANALYZE: the planner has no statistics until someone runs it.
INSERT INTO customers (id, email, name)
SELECT g, 'Customer.' || g || '@Example.COM', 'Customer ' || g
FROM generate_series(1, 20000) AS g;

INSERT INTO events (customer_id, kind, created_at, amount)
SELECT (g * 7919) % 200 + 1,
       CASE WHEN g % 5 = 0 THEN 'purchase' WHEN g % 5 = 1 THEN 'login' WHEN g % 5 = 2 THEN 'click' ELSE 'view' END,
       timestamptz '2025-01-01 00:00+00' + g * interval '3 minutes',
       CASE WHEN g % 5 = 0 THEN 100 + (g * 37) % 9000 END
FROM generate_series(1, 100000) AS g;

INSERT INTO jobs (status, run_after, payload)
SELECT CASE WHEN g % 100 = 0 THEN 'pending' WHEN g % 100 = 1 THEN 'failed' ELSE 'done' END,
       timestamptz '2025-01-01 00:00+00' + g * interval '10 seconds',
       'job ' || g
FROM generate_series(1, 50000) AS g;
