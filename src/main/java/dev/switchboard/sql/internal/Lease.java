package dev.switchboard.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection lent to one call. Closing it gives a pooled connection back (and tells
 * {@link Pools} the pool is free again) or closes a direct one.
 */
public final class Lease implements AutoCloseable {
  private final Connection connection;
  private final Runnable onClose;

  Lease(Connection connection, Runnable onClose) {
    this.connection = connection;
    this.onClose = onClose;
  }

  public Connection connection() {
    return connection;
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.close();
    } finally {
      onClose.run();
    }
  }
}
