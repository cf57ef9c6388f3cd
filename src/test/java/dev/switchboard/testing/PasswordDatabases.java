package dev.switchboard.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * A second real PostgreSQL server for tests that need password authentication: the superuser
 * {@code postgres} is trusted from the local machine (as on {@link TestDatabases}' server), every
 * other role must log in with its password (scram-sha-256). {@link TestDatabases} is left as it is.
 * The server starts once per test JVM; each {@link #newDatabase()} makes a fresh role and a
 * database it owns.
 */
public final class PasswordDatabases {
  private static final String HBA = """
      local all postgres trust
      host  all postgres 127.0.0.1/32 trust
      host  all postgres ::1/128 trust
      local all all scram-sha-256
      host  all all 127.0.0.1/32 scram-sha-256
      host  all all ::1/128 scram-sha-256
      """;
  private static EmbeddedPostgres server;

  private PasswordDatabases() {}

  /** A role that logs in with a password and owns a new, empty database on 127.0.0.1. */
  public record Database(String host, int port, String user, String password, String name) {
    /** A JDBC connection as the owning role, for seeding and checking data. */
    public Connection connect() throws SQLException {
      Properties p = new Properties();
      p.setProperty("user", user);
      p.setProperty("password", password);
      return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + name, p);
    }
  }

  public static synchronized Database newDatabase() {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    String role = "reader_" + suffix;
    String password = "pw-" + UUID.randomUUID();
    String name = "shop_" + suffix;
    try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
      s.execute("CREATE DATABASE " + name + " OWNER " + role);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test role and database", e);
    }
    return new Database("127.0.0.1", server().getPort(), role, password, name);
  }

  /** A JDBC connection as the superuser to {@code database}, for checks behind the tools' back. */
  public static Connection superuser(String database) throws SQLException {
    return server().getDatabase("postgres", database).getConnection();
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
            .start();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the embedded PostgreSQL server", e);
      }
    }
    return server;
  }

  private static void writeHba(Path dataDirectory) {
    try {
      Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
