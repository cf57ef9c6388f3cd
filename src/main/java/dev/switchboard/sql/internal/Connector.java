package dev.switchboard.sql.internal;

import dev.switchboard.upstream.HostResolver;
import dev.switchboard.upstream.OutboundBlockedException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Opens single connections: the host goes through the outbound guard first, and the connection is
 * made to the address it approved (see {@link PinnedSocketFactory}). Thread safe.
 */
public final class Connector {
  private final HostResolver resolver;
  private final Dialect dialect;

  public Connector(HostResolver resolver, Dialect dialect) {
    this.resolver = resolver;
    this.dialect = dialect;
  }

  /**
   * The first address the guard allows for the target's host.
   *
   * @throws OutboundBlockedException when the guard refuses the host
   */
  InetAddress approve(ConnectionTarget target) {
    List<InetAddress> addresses = resolver.resolve(target.dsn().host(), target.dsn().port());
    if (addresses.isEmpty()) {
      throw new OutboundBlockedException("host " + target.dsn().host() + " has no allowed address");
    }
    return addresses.get(0);
  }

  /**
   * A new connection to {@code address}; {@code timeout} bounds connecting and logging in. A
   * failure where no database server answered is thrown only once {@code timeout} has passed
   * since the attempt began: a refused port then takes as long as a port where another service
   * listens and says nothing, so the time to answer does not tell open ports from closed ones.
   */
  Connection open(ConnectionTarget target, InetAddress address, Duration timeout) throws SQLException {
    long started = System.nanoTime();
    Properties properties = dialect.properties(target, address, timeout);
    String url = dialect.jdbcUrl(target, address);
    Connection connection;
    try {
      connection = dialect.driver().connect(url, properties);
    } catch (SQLException e) {
      if (!dialect.spokeServer(e)) {
        waitUntil(started + timeout.toNanos());
      }
      throw e;
    }
    if (connection == null) {
      throw new SQLException("the " + dialect.product() + " driver does not accept " + url);
    }
    return connection;
  }

  private static void waitUntil(long deadlineNanos) {
    long left;
    while ((left = deadlineNanos - System.nanoTime()) > 0) {
      try {
        Thread.sleep(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // a cancelled call: answer now
        return;
      }
    }
  }
}
