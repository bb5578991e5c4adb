-- An index on every column the queries mention, each on its own.
CREATE INDEX ON events (customer_id);
CREATE INDEX ON events (kind);
CREATE INDEX ON events (created_at);
CREATE UNIQUE INDEX ON customers (lower(email));
CREATE INDEX ON jobs (run_after) WHERE status = 'pending';
ANALYZE customers, events, jobs;
