-- Issue 13. A notification about a problem names what it is about (subject: "bundle:<id>",
-- "provider:<slug>") so that the problem's end can resolve it.
ALTER TABLE notifications ADD COLUMN subject TEXT;
ALTER TABLE notifications ADD COLUMN resolved_at BIGINT;
CREATE INDEX notifications_user_subject ON notifications(user_id, subject);

-- The readiness last seen per user and bundle, for the bundles a user enabled and those they own
-- (an owner uses their own bundle without enabling it). Replaces bundle_enablements.last_status.
CREATE TABLE bundle_statuses_seen (
  bundle_id TEXT NOT NULL REFERENCES bundles(id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  PRIMARY KEY (bundle_id, user_id)
);
INSERT INTO bundle_statuses_seen (bundle_id, user_id, status)
  SELECT bundle_id, user_id, last_status FROM bundle_enablements WHERE last_status IS NOT NULL;

-- Provider health (background reachability checks): the status the checks set, why, and since when.
CREATE TABLE provider_health (
  provider TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  reason TEXT,
  failing_since BIGINT,
  checked_at BIGINT NOT NULL,
  changed_at BIGINT NOT NULL
);
