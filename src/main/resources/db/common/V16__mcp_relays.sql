-- Issue 15: relays across instances on PostgreSQL (docs/mcp.md, "Several instances"). A server
-- request, notification or client answer too large for a NOTIFY (8,000 bytes) waits here for the
-- instance that delivers it; delivering deletes the row, and a row past expires_at (epoch
-- milliseconds) is swept. Unused on SQLite (one instance).
CREATE TABLE mcp_relays (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  session_hash TEXT NOT NULL,
  relay_id TEXT,
  payload TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX mcp_relays_session ON mcp_relays (session_hash);
CREATE INDEX mcp_relays_relay ON mcp_relays (relay_id);
CREATE INDEX mcp_relays_expiry ON mcp_relays (expires_at);
