CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  admin INTEGER NOT NULL DEFAULT 0,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

CREATE TABLE access_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  hint TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX access_tokens_user ON access_tokens(user_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);

CREATE TABLE credentials (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  provider TEXT NOT NULL,
  auth_method TEXT NOT NULL,
  label TEXT NOT NULL,
  payload TEXT NOT NULL,
  key_id TEXT NOT NULL,
  display_fields TEXT NOT NULL,
  status TEXT NOT NULL,
  verification TEXT NOT NULL,
  verification_code TEXT,
  verification_message TEXT,
  granted_scopes TEXT NOT NULL DEFAULT '',
  account TEXT,
  access_expires_at BIGINT,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  last_verified_at BIGINT,
  refresh_failures INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX credentials_user_provider ON credentials(user_id, provider);
CREATE INDEX credentials_key ON credentials(key_id);

CREATE TABLE current_credentials (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  provider TEXT NOT NULL,
  credential_id TEXT NOT NULL REFERENCES credentials(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, provider)
);
