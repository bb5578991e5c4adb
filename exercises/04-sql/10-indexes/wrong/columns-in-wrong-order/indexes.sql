CREATE INDEX events_created_user ON events (created_at, user_id);
CREATE INDEX events_created_kind ON events (created_at, kind);
