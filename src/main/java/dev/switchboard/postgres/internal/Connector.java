package dev.switchboard.postgres.internal;

import dev.switchboard.upstream.HostResolver;
import dev.switchboard.upstream.OutboundBlockedException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Opens single connections: the host goes through the outbound guard first, and the connection is
 * made to the address it approved (see {@link PinnedSocketFactory}). Thread safe.
 */
public final class Connector {
  private final HostResolver resolver;
  private final Driver driver = new Driver();

  public Connector(HostResolver resolver) {
    this.resolver = resolver;
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

  /** A new connection to {@code address}; {@code timeout} bounds connecting and logging in. */
  Connection open(ConnectionTarget target, InetAddress address, Duration timeout) throws SQLException {
    Properties properties = DriverProperties.of(target, address, timeout);
    Connection connection = driver.connect(target.jdbcUrl(), properties);
    if (connection == null) {
      throw new SQLException("the PostgreSQL driver does not accept " + target.jdbcUrl());
    }
    return connection;
  }
}
