CREATE INDEX events_user ON events (user_id);
CREATE INDEX events_kind ON events (kind);
