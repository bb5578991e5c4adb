-- Equality column first, then the column the query sorts or ranges on.
CREATE INDEX events_user_created ON events (user_id, created_at);

-- Everything query 2 reads is in this index, so the table is never touched.
CREATE INDEX events_kind_created ON events (kind, created_at);
