package dev.switchboard.store;

import dev.switchboard.testing.TestDatabases;

/** The lease suite on a real PostgreSQL server. */
class PostgresLeaseLockIT extends LeaseLockContract {
  @Override
  String jdbcUrl() {
    return TestDatabases.newPostgresUrl();
  }

  @Override
  String user() {
    return "postgres";
  }
}
