-- Switchboard as the OAuth 2.1 authorization server of its own MCP endpoints (docs/authorization-server.md).

-- Clients registered by RFC 7591 dynamic registration. Client ID Metadata Document clients are not
-- stored: their document is fetched and kept in memory for a while.
CREATE TABLE as_clients (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  redirect_uris TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  used_at BIGINT
);

-- One row per consent: a user let a client reach one MCP resource (a bundle or the hub).
CREATE TABLE as_grants (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  client_id TEXT NOT NULL,
  client_name TEXT NOT NULL,
  redirect_host TEXT NOT NULL,
  verified INTEGER NOT NULL,
  resource TEXT NOT NULL,
  -- the bundle consented to, by id (null for the hub): a bundle deleted and created again with the
  -- same slug is another bundle, and the grant does not carry over to it
  bundle_id TEXT,
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX as_grants_user ON as_grants (user_id, created_at);

-- Authorization codes, access tokens and refresh tokens of a grant, by SHA-256 hash only.
CREATE TABLE as_tokens (
  token_hash TEXT PRIMARY KEY,
  grant_id TEXT NOT NULL REFERENCES as_grants(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  redirect_uri TEXT,
  code_challenge TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX as_tokens_grant ON as_tokens (grant_id);
CREATE INDEX as_tokens_expiry ON as_tokens (expires_at);
