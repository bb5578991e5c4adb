CREATE INDEX ON events (customer_id, kind, created_at);
CREATE UNIQUE INDEX ON customers (lower(email));
-- Fast too, but it indexes all 50 000 jobs to find the 500 pending ones.
CREATE INDEX ON jobs (status, run_after);
ANALYZE customers, events, jobs;
