package dev.switchboard.sql.internal;

import dev.switchboard.provider.DsnScheme;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.postgresql.core.Parser;

/**
 * PostgreSQL through its JDBC driver. The first statement of each transaction sets the statement
 * timeout, turns {@code standard_conforming_strings} on (the driver follows the server's value when
 * it splits statements, and the statement count assumes on), checks that the transaction is
 * read-only and takes a snapshot, after which PostgreSQL refuses {@code SET TRANSACTION READ WRITE}.
 * All settings are local to the transaction (see {@link DriverProperties} for why not per session).
 */
final class PostgresDialect implements Dialect {
  private static final Set<String> CREDENTIAL_STATES = Set.of("28000", "28P01", "3D000", "42501");
  private static final String SETUP = "SELECT set_config('statement_timeout', ?, true),"
      + " set_config('standard_conforming_strings', 'on', true), current_setting('transaction_read_only')";

  private final Driver driver = new org.postgresql.Driver();
  private final DialectCatalog catalog = new PostgresCatalog();

  @Override
  public DsnScheme scheme() {
    return DsnScheme.POSTGRESQL;
  }

  @Override
  public String product() {
    return "PostgreSQL";
  }

  @Override
  public Driver driver() {
    return driver;
  }

  /** The URL names the host (TLS checks it); the socket goes to the approved address ({@link PinnedSocketFactory}). */
  @Override
  public String jdbcUrl(ConnectionTarget target, InetAddress address) {
    return "jdbc:postgresql://" + target.dsn().uriHost() + ":" + target.dsn().port() + "/"
        + URLEncoder.encode(target.dsn().database(), StandardCharsets.UTF_8);
  }

  @Override
  public Properties properties(ConnectionTarget target, InetAddress address, Duration connectTimeout) {
    return DriverProperties.of(target, address, connectTimeout);
  }

  @Override
  public void beginReadOnly(Connection connection, Duration statementTimeout) throws SQLException {
    // With auto-commit off and read-only on, the driver starts the transaction as BEGIN READ ONLY.
    connection.setReadOnly(true);
    try (PreparedStatement setup = connection.prepareStatement(SETUP)) {
      setup.setString(1, Long.toString(Math.max(1, statementTimeout.toMillis())));
      try (ResultSet rs = setup.executeQuery()) {
        if (!rs.next() || !"on".equals(rs.getString(3))) {
          throw new IllegalStateException("the transaction did not start read-only");
        }
      }
    }
  }

  /**
   * The driver's own splitter, the same call the driver makes before sending: it sends each piece as
   * its own extended-protocol Parse message, and the server refuses a Parse holding several commands.
   */
  @Override
  public int statements(String sql) throws SQLException {
    // standard_conforming_strings is forced on for our connections, as assumed here.
    return Parser.parseJdbcSql(sql, true, false, true, false, false).size();
  }

  @Override
  public boolean spokeServer(Throwable e) {
    return PostgresMessages.spokePostgres(e);
  }

  @Override
  public String text(Throwable e) {
    return PostgresMessages.text(e);
  }

  /** 42501 at login is a missing CONNECT privilege; 3D000 a database that does not exist. */
  @Override
  public boolean credentialRejected(Throwable e) {
    return CREDENTIAL_STATES.contains(SqlErrors.state(e));
  }

  @Override
  public boolean timedOut(Throwable e) {
    return "57014".equals(SqlErrors.state(e));
  }

  @Override
  public DialectCatalog catalog() {
    return catalog;
  }

  @Override
  public String explain(String sql, String format) {
    return "EXPLAIN (FORMAT " + format.toUpperCase(Locale.ROOT) + ") " + sql;
  }

  @Override
  public List<String> queryCommands() {
    return List.of("SELECT", "WITH", "VALUES", "TABLE", "SHOW", "EXPLAIN");
  }

  @Override
  public List<String> explainCommands() {
    return List.of("SELECT", "WITH", "VALUES", "TABLE", "INSERT", "UPDATE", "DELETE", "MERGE");
  }

  @Override
  public Optional<String> defaultSchema() {
    return Optional.of("public");
  }
}
