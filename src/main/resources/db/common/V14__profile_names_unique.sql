-- Issue 13 item 9: a profile (credential) name is unique per user and provider, so that two
-- profiles can be told apart and reconnecting OAuth updates the profile it names. Older rows may
-- share a name (reconnecting OAuth used to add a second profile): every one but the oldest gets its
-- id appended, then a unique index keeps names apart from now on.
UPDATE credentials
SET label = label || ' (' || id || ')'
WHERE EXISTS (
  SELECT 1 FROM credentials older
  WHERE older.user_id = credentials.user_id
    AND older.provider = credentials.provider
    AND older.label = credentials.label
    AND (older.created_at < credentials.created_at
      OR (older.created_at = credentials.created_at AND older.id < credentials.id)));

CREATE UNIQUE INDEX credentials_profile_name ON credentials(user_id, provider, label);
