package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V14 makes profile names (credential labels) unique per user and provider: profiles that already
 * shared a name (reconnecting OAuth used to add one) keep the oldest's name, the others get their id
 * appended, and the upgrade never fails on such data. The data is written at V11, the last version
 * every branch shares.
 */
class ProfileNamesMigrationTest {
  @TempDir
  Path dir;

  static String credential(String id, String user, String provider, String label, long createdAt) {
    return "INSERT INTO credentials (id, user_id, provider, auth_method, label, payload, key_id, display_fields, "
        + "status, verification, created_at) VALUES ('" + id + "', '" + user + "', '" + provider + "', 'OAUTH2', '"
        + label + "', 'p', 'k', '{}', 'ACTIVE', 'VERIFIED', " + createdAt + ")";
  }

  @Test
  void upgradeRenamesAllButTheOldestOfProfilesSharingANameThenKeepsNamesApart() {
    String url = TestDatabases.sqliteUrl(dir);
    Flyway before = Flyway.configure().dataSource(url, "", "")
        .locations("classpath:" + Dialect.SQLITE.migrations(), "classpath:" + Dialect.COMMON_MIGRATIONS)
        .target("11").load();
    before.migrate();
    try (var connection = before.getConfiguration().getDataSource().getConnection();
        var statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO users (id, email, password_hash, created_at) VALUES "
          + "('u1', 'a@b.c', 'x', 0), ('u2', 'd@e.f', 'x', 0)");
      statement.executeUpdate(credential("c3", "u1", "google", "Google", 3));
      statement.executeUpdate(credential("c1", "u1", "google", "Google", 1));
      statement.executeUpdate(credential("c2", "u1", "google", "Google", 2));
      statement.executeUpdate(credential("c4", "u2", "google", "Google", 1));
      statement.executeUpdate(credential("c5", "u1", "slack", "Google", 1));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }

    try (Database upgraded = Database.open(url, "", "")) {
      upgraded.jdbi().useHandle(h -> {
        assertThat(h.createQuery("SELECT id || '=' || label FROM credentials ORDER BY id").mapTo(String.class).list())
            .isEqualTo(List.of("c1=Google", "c2=Google (c2)", "c3=Google (c3)", "c4=Google", "c5=Google"));
        assertThatThrownBy(() -> h.execute(credential("c6", "u1", "google", "Google", 4)))
            .hasMessageContaining("UNIQUE");
      });
    }
  }
}
