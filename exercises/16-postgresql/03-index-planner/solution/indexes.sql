-- 1. Equality on customer_id and kind, then the order of created_at: the
-- index hands the rows over already sorted, newest first when read
-- backwards, and LIMIT stops after 20.
CREATE INDEX events_customer_kind_created_idx ON events (customer_id, kind, created_at);

-- 2. An index on the expression the query uses: one on email alone cannot
-- answer lower(email) = .... UNIQUE also refuses a second customer whose
-- address differs only in letter case.
CREATE UNIQUE INDEX customers_email_lower_idx ON customers (lower(email));

-- 3. Only the pending jobs, a hundredth of the table, sorted by run_after.
CREATE INDEX jobs_pending_run_after_idx ON jobs (run_after) WHERE status = 'pending';

-- The tables were just loaded and autovacuum is off: without statistics the
-- planner guesses how many rows match.
ANALYZE customers, events, jobs;
