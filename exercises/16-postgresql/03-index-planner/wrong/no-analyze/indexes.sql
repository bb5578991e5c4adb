-- The right indexes, but the planner still has no statistics.
CREATE INDEX ON events (customer_id, kind, created_at);
CREATE UNIQUE INDEX ON customers (lower(email));
CREATE INDEX ON jobs (run_after) WHERE status = 'pending';
