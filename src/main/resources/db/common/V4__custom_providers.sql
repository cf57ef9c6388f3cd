CREATE TABLE custom_providers (
  slug TEXT PRIMARY KEY,
  definition TEXT NOT NULL,
  openapi TEXT,
  created_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE provider_statuses (
  slug TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
