CREATE TABLE bundles (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  category TEXT,
  publication TEXT NOT NULL,
  mode TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE bundle_tools (
  bundle_id TEXT NOT NULL REFERENCES bundles(id) ON DELETE CASCADE,
  tool TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (bundle_id, tool)
);

CREATE TABLE bundle_enablements (
  bundle_id TEXT NOT NULL REFERENCES bundles(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  enabled_at BIGINT NOT NULL,
  last_status TEXT,
  PRIMARY KEY (bundle_id, user_id)
);

CREATE TABLE bundle_bindings (
  bundle_id TEXT NOT NULL REFERENCES bundles(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  provider TEXT NOT NULL,
  credential_id TEXT NOT NULL REFERENCES credentials(id) ON DELETE CASCADE,
  PRIMARY KEY (bundle_id, user_id, provider)
);

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  message TEXT NOT NULL,
  fix TEXT NOT NULL,
  link TEXT,
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX notifications_user_time ON notifications(user_id, created_at);

CREATE TABLE mcp_ended_sessions (
  session_hash TEXT PRIMARY KEY,
  ended_at BIGINT NOT NULL
);
