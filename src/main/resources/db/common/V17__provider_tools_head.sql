-- The first characters of a provider's stored tools (they say the format), kept beside them:
-- listing the stored providers reads this column instead of cutting them from the tools, which
-- SQLite loads whole to do (20 MB for a catalog of 25 large descriptions, 20 ms of every command
-- that lists providers). Its length is StoredTools.HEAD_LENGTH.
ALTER TABLE custom_providers ADD COLUMN tools_head TEXT;
UPDATE custom_providers SET tools_head = substr(tools, 1, 16) WHERE tools IS NOT NULL;
