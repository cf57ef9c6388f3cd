package dev.switchboard.store;

/** The two databases Switchboard runs on. Each has its own migration folder. */
public enum Dialect {
  SQLITE("db/sqlite"),
  POSTGRESQL("db/postgresql");

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
