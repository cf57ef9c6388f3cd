package dev.switchboard.postgres.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs a tool's work inside one READ ONLY transaction that is always rolled back, so nothing a
 * statement does outlives the call: writes are refused by the server, and session settings changed
 * with {@code set_config} are undone by the rollback. The first statement of the transaction sets
 * the statement timeout, turns {@code standard_conforming_strings} on (the driver follows the
 * server's value when it splits statements, and {@link StatementGuard} assumes on), checks that the
 * transaction is read-only and takes a snapshot, after which PostgreSQL refuses
 * {@code SET TRANSACTION READ WRITE}. All settings are local to the transaction. The connection's
 * read timeout is the backstop when the server does not answer.
 */
final class ReadOnlyTransaction {
  /** The work done on the connection; it runs between the setup and the rollback. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private static final String SETUP = "SELECT set_config('statement_timeout', ?, true),"
      + " set_config('standard_conforming_strings', 'on', true), current_setting('transaction_read_only')";

  private ReadOnlyTransaction() {}

  static <T> T run(Connection connection, Duration statementTimeout, int networkTimeoutMillis,
      Work<T> work) throws SQLException {
    connection.setNetworkTimeout(Runnable::run, networkTimeoutMillis);
    connection.setAutoCommit(false);
    // With auto-commit off and read-only on, the driver starts the transaction as BEGIN READ ONLY.
    connection.setReadOnly(true);
    T result;
    try {
      setUp(connection, statementTimeout);
      result = work.run(connection);
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
    connection.rollback();
    return result;
  }

  private static void setUp(Connection connection, Duration statementTimeout) throws SQLException {
    try (PreparedStatement setup = connection.prepareStatement(SETUP)) {
      setup.setString(1, Long.toString(Math.max(1, statementTimeout.toMillis())));
      try (ResultSet rs = setup.executeQuery()) {
        if (!rs.next() || !"on".equals(rs.getString(3))) {
          throw new IllegalStateException("the transaction did not start read-only");
        }
      }
    }
  }
}
