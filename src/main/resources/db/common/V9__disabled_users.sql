-- An administrator can disable a user: sign-in, sessions, access tokens and MCP access stop.
ALTER TABLE users ADD COLUMN disabled_at BIGINT;
