package dev.switchboard.store;

/**
 * The two databases Switchboard runs on. Each has its own migration folder for what differs between
 * them (column types); migrations written the same for both live in {@link #COMMON_MIGRATIONS}.
 */
public enum Dialect {
  SQLITE("db/sqlite"),
  POSTGRESQL("db/postgresql");

  /** Classpath folder of the migrations both dialects share. */
  public static final String COMMON_MIGRATIONS = "db/common";

  private final String migrations;

  Dialect(String migrations) {
    this.migrations = migrations;
  }

  /** Classpath folder of this dialect's Flyway migrations. */
  public String migrations() {
    return migrations;
  }

  /** The dialect a JDBC URL names; anything but PostgreSQL is refused. */
  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "SWITCHBOARD_DB_URL must be a jdbc:sqlite: or jdbc:postgresql: URL");
  }
}
