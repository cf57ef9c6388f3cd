package dev.switchboard.sql.internal;

import dev.switchboard.provider.DsnScheme;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * MySQL and MariaDB through MariaDB Connector/J. The URL names the address the outbound guard approved,
 * so the driver cannot connect anywhere else (and {@code permitRedirect} is off: a server may not send it
 * elsewhere). Each transaction is opened with {@code START TRANSACTION READ ONLY} after the session's
 * default was made read-only too, so the server refuses every write (error 1792, SQLSTATE 25006), and a
 * session statement timeout ({@code max_statement_time} on MariaDB, {@code max_execution_time} on MySQL)
 * bounds each statement. Without {@code allowMultiQueries} the server runs one statement per query and
 * refuses a text that holds several; {@code allowLocalInfile} is off so no statement can read local files.
 */
final class MysqlDialect implements Dialect {
  /** Access denied (1044, 1045, 1698), unknown database (1049), expired password (1820, 1862). */
  private static final Set<Integer> CREDENTIAL_ERRORS = Set.of(1044, 1045, 1049, 1698, 1820, 1862);
  /** MariaDB max_statement_time (1969) and MySQL max_execution_time (3024). */
  private static final Set<Integer> TIMEOUT_ERRORS = Set.of(1969, 3024);

  private final Driver driver = new org.mariadb.jdbc.Driver();
  private final DialectCatalog catalog = new MysqlCatalog();

  @Override
  public DsnScheme scheme() {
    return DsnScheme.MYSQL;
  }

  @Override
  public String product() {
    return "MySQL";
  }

  @Override
  public Driver driver() {
    return driver;
  }

  @Override
  public String jdbcUrl(ConnectionTarget target, InetAddress address) {
    String host = address.getHostAddress();
    if (address instanceof Inet6Address) {
      host = "[" + host.replaceAll("%.*$", "") + "]";
    }
    return "jdbc:mariadb://" + host + ":" + target.dsn().port() + "/"
        + URLEncoder.encode(target.dsn().database(), StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public Properties properties(ConnectionTarget target, InetAddress address, Duration connectTimeout) {
    Properties p = new Properties();
    p.setProperty("user", target.dsn().user());
    p.setProperty("password", target.password());
    p.setProperty("sslMode", target.dsn().sslmode());
    p.setProperty("connectTimeout", Long.toString(Math.max(1, connectTimeout.toMillis())));
    p.setProperty("socketTimeout", Long.toString(Math.max(1000, connectTimeout.toMillis())));
    p.setProperty("tcpKeepAlive", "true");
    p.setProperty("allowMultiQueries", "false");
    p.setProperty("allowLocalInfile", "false");
    p.setProperty("permitRedirect", "false");
    p.setProperty("useServerPrepStmts", "false");
    p.setProperty("connectionAttributes", "program_name:switchboard");
    return p;
  }

  @Override
  public void beginReadOnly(Connection connection, Duration statementTimeout) throws SQLException {
    boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT)
        .contains("mariadb");
    long millis = Math.max(1, statementTimeout.toMillis());
    try (Statement statement = connection.createStatement()) {
      statement.execute(mariaDb
          ? "SET SESSION max_statement_time = " + String.format(Locale.ROOT, "%.3f", millis / 1000.0)
          : "SET SESSION max_execution_time = " + millis);
      statement.execute("SET SESSION TRANSACTION READ ONLY");
      statement.execute("START TRANSACTION READ ONLY");
    }
  }

  /** One: the server, not a client-side splitter, refuses a text holding several statements. */
  @Override
  public int statements(String sql) {
    return 1;
  }

  /** A server error carries a MySQL error number (1000–1999 or 3000 and up; 2000–2999 are client errors). */
  @Override
  public boolean spokeServer(Throwable e) {
    return serverError(e).isPresent();
  }

  @Override
  public String text(Throwable e) {
    Throwable primary = serverError(e).map(Throwable.class::cast)
        .orElseGet(() -> SqlErrors.chain(e).stream().filter(SQLException.class::isInstance).findFirst().orElse(e));
    // Connector/J prefixes the connection id: "(conn=12) Access denied for user …"
    return SqlErrors.text(primary, e).replaceFirst("^\\(conn=\\d+\\) ", "");
  }

  @Override
  public boolean credentialRejected(Throwable e) {
    return serverError(e).map(sql -> CREDENTIAL_ERRORS.contains(sql.getErrorCode())).orElse(false)
        || "28000".equals(SqlErrors.state(e));
  }

  @Override
  public boolean timedOut(Throwable e) {
    return serverError(e).map(sql -> TIMEOUT_ERRORS.contains(sql.getErrorCode())).orElse(false);
  }

  @Override
  public DialectCatalog catalog() {
    return catalog;
  }

  @Override
  public String explain(String sql, String format) {
    return format.equals("json") ? "EXPLAIN FORMAT=JSON " + sql : "EXPLAIN " + sql;
  }

  @Override
  public List<String> queryCommands() {
    return List.of("SELECT", "WITH", "VALUES", "TABLE", "SHOW", "EXPLAIN", "DESCRIBE", "DESC");
  }

  @Override
  public List<String> explainCommands() {
    return List.of("SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "REPLACE");
  }

  @Override
  public Optional<String> defaultSchema() {
    return Optional.empty();
  }

  private static Optional<SQLException> serverError(Throwable e) {
    for (Throwable t : SqlErrors.chain(e)) {
      if (t instanceof SQLException sql) {
        int code = sql.getErrorCode();
        if (code >= 1000 && code < 2000 || code >= 3000 && code < 60000) {
          return Optional.of(sql);
        }
      }
    }
    return Optional.empty();
  }
}
