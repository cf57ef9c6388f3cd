package dev.switchboard.sql.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Properties;

/**
 * The PostgreSQL JDBC driver properties of one connection. Besides user, password and SSL mode:
 * the socket goes to the address the outbound guard approved ({@link PinnedSocketFactory}) while
 * TLS still checks the host name; the connection is read-only, so the driver opens every
 * transaction with {@code BEGIN READ ONLY}; the extended query protocol is forced because the
 * server refuses several commands in one of its messages; no named server-side statements are
 * kept. Server settings are made per transaction ({@link ReadOnlyTransaction}), not per session
 * (the {@code options} startup parameter or {@code SET SESSION}): PgBouncer refuses most startup
 * options, and behind a transaction-pooling PgBouncer a session setting such as
 * {@code default_transaction_read_only} would stick to a server connection other clients share.
 */
final class DriverProperties {
  private DriverProperties() {}

  static Properties of(ConnectionTarget target, InetAddress address, Duration connectTimeout) {
    Properties p = new Properties();
    p.setProperty("user", target.dsn().user());
    p.setProperty("password", target.password());
    p.setProperty("ApplicationName", "switchboard");
    p.setProperty("sslmode", target.dsn().sslmode());
    if (target.dsn().sslmode().startsWith("verify-")) {
      // The JVM trust store, not libpq's ~/.postgresql/root.crt, which a server install lacks.
      p.setProperty("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
    }
    p.setProperty("gssEncMode", "disable");
    p.setProperty("socketFactory", PinnedSocketFactory.class.getName());
    p.setProperty(PinnedSocketFactory.ADDRESS, address.getHostAddress());
    p.setProperty(PinnedSocketFactory.PORT, Integer.toString(target.dsn().port()));
    p.setProperty(PinnedSocketFactory.TIMEOUT_MILLIS, Long.toString(connectTimeout.toMillis()));
    p.setProperty("connectTimeout", Long.toString(seconds(connectTimeout)));
    p.setProperty("socketTimeout", Long.toString(seconds(connectTimeout)));
    p.setProperty("loginTimeout", Double.toString(connectTimeout.toMillis() / 1000.0));
    p.setProperty("tcpKeepAlive", "true");
    p.setProperty("preferQueryMode", "extended");
    p.setProperty("prepareThreshold", "0");
    // Every transaction starts as BEGIN READ ONLY; auto-commit is never on for our statements.
    p.setProperty("readOnly", "true");
    p.setProperty("readOnlyMode", "transaction");
    return p;
  }

  private static long seconds(Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }
}
