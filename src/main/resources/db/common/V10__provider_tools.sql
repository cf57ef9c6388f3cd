-- The tools an OpenAPI import made, stored so that start-up, refreshes and other instances never
-- parse the document again (docs/security/documents.md); load_error: why a stored document could
-- not be imported (it is then not parsed again either).
ALTER TABLE custom_providers ADD COLUMN tools TEXT;
ALTER TABLE custom_providers ADD COLUMN load_error TEXT;
