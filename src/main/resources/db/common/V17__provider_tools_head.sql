-- Stored providers rebuilt with their small columns first. SQLite keeps a row's columns in order and
-- reaches a column that follows a large value only through that value's overflow pages, so listing
-- the providers (slug, definition, time, the tools' format) read past every stored document and
-- tool list (about 40 ms with 25 large descriptions, for every command that lists providers and
-- every catalog refresh). tools_head: the first characters of the stored tools, which give their
-- format (StoredTools.HEAD_LENGTH), so that the list never reads the tools themselves.
CREATE TABLE custom_providers_v17 (
  slug TEXT PRIMARY KEY,
  definition TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  load_error TEXT,
  tools_head TEXT,
  openapi TEXT,
  tools TEXT
);
INSERT INTO custom_providers_v17 (slug, definition, created_by, updated_at, load_error, tools_head, openapi, tools)
  SELECT slug, definition, created_by, updated_at, load_error, substr(tools, 1, 16), openapi, tools
  FROM custom_providers;
DROP TABLE custom_providers;
ALTER TABLE custom_providers_v17 RENAME TO custom_providers;
