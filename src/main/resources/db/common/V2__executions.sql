CREATE TABLE executions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  provider TEXT NOT NULL,
  tool TEXT NOT NULL,
  credential_id TEXT,
  bundle TEXT,
  outcome TEXT NOT NULL,
  upstream_status INTEGER,
  duration_ms BIGINT NOT NULL,
  started_at BIGINT NOT NULL
);
CREATE INDEX executions_user_time ON executions(user_id, started_at);
