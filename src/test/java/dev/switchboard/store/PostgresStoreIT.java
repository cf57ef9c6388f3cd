package dev.switchboard.store;

import dev.switchboard.testing.TestDatabases;

/** The store suite on a real PostgreSQL server. */
class PostgresStoreIT extends StoreContract {
  @Override
  String jdbcUrl() {
    return TestDatabases.newPostgresUrl();
  }

  @Override
  String user() {
    return "postgres";
  }
}
