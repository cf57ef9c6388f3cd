-- Named leases for operations that must run once at a time across every process and instance
-- (today: vault key rotation and retirement). A lease is free when owner is NULL or expires_at
-- (epoch milliseconds) has passed, so a holder killed with SIGKILL frees it by expiring.
CREATE TABLE vault_locks (
  name TEXT PRIMARY KEY,
  owner TEXT,
  expires_at BIGINT NOT NULL
);
INSERT INTO vault_locks (name, owner, expires_at) VALUES ('vault_rotation', NULL, 0);
