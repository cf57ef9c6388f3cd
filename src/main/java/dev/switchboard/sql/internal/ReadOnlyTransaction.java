package dev.switchboard.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs a tool's work inside one read-only transaction that is always rolled back, so nothing a
 * statement does outlives the call: writes are refused by the server (the engine's
 * {@link Dialect#beginReadOnly} starts the transaction read-only and sets the statement timeout).
 * The connection's read timeout is the backstop when the server does not answer.
 */
final class ReadOnlyTransaction {
  /** The work done on the connection; it runs between the setup and the rollback. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private ReadOnlyTransaction() {}

  static <T> T run(Dialect dialect, Connection connection, Duration statementTimeout, int networkTimeoutMillis,
      Work<T> work) throws SQLException {
    connection.setNetworkTimeout(Runnable::run, networkTimeoutMillis);
    connection.setAutoCommit(false);
    T result;
    try {
      dialect.beginReadOnly(connection, statementTimeout);
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
}
