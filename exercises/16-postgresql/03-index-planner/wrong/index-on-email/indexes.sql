CREATE INDEX ON events (customer_id, kind, created_at);
-- The column, not the expression the query compares.
CREATE UNIQUE INDEX ON customers (email);
CREATE INDEX ON jobs (run_after) WHERE status = 'pending';
ANALYZE customers, events, jobs;
