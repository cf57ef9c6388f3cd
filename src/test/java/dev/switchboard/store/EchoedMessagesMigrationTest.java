package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V7 and V11 replace the stored texts that quoted an upstream before redaction knew every encoding of
 * a secret (docs/security/redaction.md): verification messages, expiry notifications, and (V11) the
 * "needs attention" notifications whose fix quoted a verification message.
 */
class EchoedMessagesMigrationTest {
  static final String ECHO = "credentials rejected: Basic bWVAYWNtZS50ZXN0OmppcmEtdG9rZW4tOTk5 is not valid";

  @TempDir
  Path dir;

  @Test
  void upgradeReplacesStoredVerificationMessagesAndExpiryNotificationsButKeepsStatesAndCodes() {
    String url = TestDatabases.sqliteUrl(dir);
    Flyway v6 = Flyway.configure().dataSource(url, "", "")
        .locations("classpath:" + Dialect.SQLITE.migrations(), "classpath:" + Dialect.COMMON_MIGRATIONS)
        .target("6").load();
    v6.migrate();
    try (var connection = v6.getConfiguration().getDataSource().getConnection();
        var statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO users (id, email, password_hash, created_at) VALUES ('u1', 'a@b.c', 'x', 0)");
      statement.executeUpdate("INSERT INTO credentials (id, user_id, provider, auth_method, label, payload, key_id, "
          + "display_fields, status, verification, verification_code, verification_message, created_at) VALUES "
          + "('c1', 'u1', 'jira-cloud', 'API_KEY', 'Work', 'p', 'k', '{}', 'ACTIVE', 'ERROR', "
          + "'credentials_rejected', '" + ECHO + "', 0)");
      statement.executeUpdate("INSERT INTO credentials (id, user_id, provider, auth_method, label, payload, key_id, "
          + "display_fields, status, verification, created_at) VALUES "
          + "('c2', 'u1', 'github', 'BEARER', 'Home', 'p', 'k', '{}', 'ACTIVE', 'VERIFIED', 0)");
      statement.executeUpdate("INSERT INTO notifications (id, user_id, kind, title, message, fix, created_at) VALUES "
          + "('n1', 'u1', 'CREDENTIAL_EXPIRED', 'Credential expired', 'could not be refreshed (" + ECHO + ")', 'fix', 0), "
          + "('n2', 'u1', 'BUNDLE_NEEDS_ATTENTION', 'Bundle', 'The bundle is Partial', 'fix', 0)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }

    try (Database upgraded = Database.open(url, "", "")) {
      upgraded.jdbi().useHandle(h -> {
        assertThat(h.createQuery("SELECT verification_message FROM credentials WHERE id = 'c1'").mapTo(String.class).one())
            .doesNotContain("bWVAYWNtZS50ZXN0")
            .contains("validate the credential again");
        assertThat(h.createQuery("SELECT verification || '/' || verification_code FROM credentials WHERE id = 'c1'")
            .mapTo(String.class).one()).isEqualTo("ERROR/credentials_rejected");
        assertThat(h.createQuery("SELECT verification_message IS NULL FROM credentials WHERE id = 'c2'")
            .mapTo(Boolean.class).one()).isTrue();
        assertThat(h.createQuery("SELECT message FROM notifications WHERE id = 'n1'").mapTo(String.class).one())
            .doesNotContain("bWVAYWNtZS50ZXN0").contains("re-authorize");
        assertThat(h.createQuery("SELECT title FROM notifications WHERE id = 'n2'").mapTo(String.class).one())
            .isEqualTo("Bundle");
      });
    }
  }

  @Test
  void upgradeToV11ReplacesTheFixAndMessageOfBundleNotificationsThatQuotedAVerificationMessage() {
    String url = TestDatabases.sqliteUrl(dir);
    Flyway v10 = Flyway.configure().dataSource(url, "", "")
        .locations("classpath:" + Dialect.SQLITE.migrations(), "classpath:" + Dialect.COMMON_MIGRATIONS)
        .target("10").load();
    v10.migrate();
    try (var connection = v10.getConfiguration().getDataSource().getConnection();
        var statement = connection.createStatement()) {
      statement.executeUpdate("INSERT INTO users (id, email, password_hash, created_at) VALUES ('u1', 'a@b.c', 'x', 0)");
      statement.executeUpdate("INSERT INTO notifications (id, user_id, kind, title, message, fix, link, created_at) VALUES "
          + "('n1', 'u1', 'BUNDLE_NEEDS_ATTENTION', 'Bundle needs attention: Ops', 'The bundle Ops is now Partial: "
          + "1 of 2 tools are not ready.', 'The credential ''Work'' of Jira failed validation (" + ECHO + "). Check it "
          + "and validate again, or add a new one.', '/bundles/ops', 0), "
          + "('n2', 'u1', 'TOKEN_NOT_REVOKED', 'Token not revoked', 'kept as it was', 'kept fix', null, 0)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }

    try (Database upgraded = Database.open(url, "", "")) {
      upgraded.jdbi().useHandle(h -> {
        assertThat(h.createQuery("SELECT fix || ' ' || message FROM notifications WHERE id = 'n1'")
            .mapTo(String.class).one())
            .doesNotContain("bWVAYWNtZS50ZXN0").doesNotContain("failed validation")
            .contains("Open the bundle to see which tools are not ready.");
        assertThat(h.createQuery("SELECT title || '|' || link FROM notifications WHERE id = 'n1'").mapTo(String.class).one())
            .isEqualTo("Bundle needs attention: Ops|/bundles/ops");
        assertThat(h.createQuery("SELECT message || '|' || fix FROM notifications WHERE id = 'n2'").mapTo(String.class).one())
            .isEqualTo("kept as it was|kept fix");
      });
    }
  }
}
