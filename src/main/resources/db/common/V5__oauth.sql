CREATE TABLE oauth_apps (
  provider TEXT PRIMARY KEY,
  client_id TEXT NOT NULL,
  secret_payload TEXT,
  key_id TEXT,
  updated_at BIGINT NOT NULL
);

CREATE TABLE oauth_states (
  state_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  provider TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  scopes TEXT NOT NULL,
  credential_id TEXT,
  expires_at BIGINT NOT NULL
);

ALTER TABLE credentials ADD COLUMN refresh_lock_until BIGINT;
ALTER TABLE credentials ADD COLUMN next_refresh_at BIGINT;
