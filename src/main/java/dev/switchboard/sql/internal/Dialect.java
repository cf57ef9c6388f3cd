package dev.switchboard.sql.internal;

import dev.switchboard.provider.DsnScheme;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What differs between the SQL engines the built-in tools serve: how to connect to an approved address,
 * how to open a read-only transaction with a statement timeout, how to read the engine's errors, and how
 * its catalogs answer the tools' questions. Everything else (pools, budgets, limits, redaction, result
 * tables, argument checks) is shared. Implementations are stateless and thread safe.
 */
public interface Dialect {
  /** The DSN rules: scheme, default port, SSL modes. */
  DsnScheme scheme();

  /** The engine's name in tool descriptions and messages, e.g. {@code PostgreSQL}. */
  String product();

  Driver driver();

  /** The JDBC URL of a connection to {@code address}, the address the outbound guard approved. */
  String jdbcUrl(ConnectionTarget target, InetAddress address);

  /** The driver properties: user, password, TLS, and timeouts within {@code connectTimeout}. */
  Properties properties(ConnectionTarget target, InetAddress address, Duration connectTimeout);

  /**
   * Starts the read-only transaction on a connection whose auto-commit is off: sets the statement
   * timeout and makes sure the server will refuse writes.
   */
  void beginReadOnly(Connection connection, Duration statementTimeout) throws SQLException;

  /** How many statements the driver would send for {@code sql} (the server refuses more than one). */
  int statements(String sql) throws SQLException;

  /** Whether the peer answered in the engine's protocol (a server error, or a refused handshake). */
  boolean spokeServer(Throwable e);

  /** The most specific readable message of a failure. */
  String text(Throwable e);

  /** Whether a login failure says the credential is wrong (bad password, no access, no such database). */
  boolean credentialRejected(Throwable e);

  /** Whether a statement failed because it ran past the statement timeout. */
  boolean timedOut(Throwable e);

  /** The schemas the catalog lists, and how tables and their parts are read. */
  DialectCatalog catalog();

  /** The statement whose rows are the plan of {@code sql} in {@code format} ({@code text} or {@code json}). */
  String explain(String sql, String format);

  /** The first words {@code query} accepts and those {@code explain} accepts. */
  List<String> queryCommands();

  List<String> explainCommands();

  /** The schema tools use when none is given; empty: the connection's own database. */
  Optional<String> defaultSchema();
}
