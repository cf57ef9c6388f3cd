package dev.switchboard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * The connection pool, the Jdbi handle factory and the schema migrations of one database. Thread
 * safe; close it once at shutdown. SQLite runs in WAL mode with a busy timeout so that the server
 * and the command-line tools can use one file at the same time; its file is its owner's only
 * ({@link SqliteFiles}).
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource);
    // Exception messages name the statement but never the bound values, which can be secrets.
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.SHORT_STATEMENT);
  }

  /** Opens the pool and migrates the schema to the latest version (Flyway validates it too). */
  public static Database open(String url, String user, String password) {
    return open(url, user, password, false);
  }

  /**
   * Like {@link #open(String, String, String)}, but leaves Flyway out when the schema is already at
   * the latest migration: for the command line, which a running server has usually migrated.
   */
  public static Database openForTools(String url, String user, String password) {
    return open(url, user, password, true);
  }

  private static Database open(String url, String user, String password, boolean skipWhenCurrent) {
    Dialect dialect = Dialect.of(url);
    if (dialect == Dialect.SQLITE) {
      SqliteFiles.prepare(url);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("switchboard");
    if (!user.isEmpty()) {
      config.setUsername(user);
    }
    if (!password.isEmpty()) {
      config.setPassword(password);
    }
    if (dialect == Dialect.SQLITE) {
      config.setMaximumPoolSize(4);
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("busy_timeout", "10000");
      config.addDataSourceProperty("foreign_keys", "true");
      config.addDataSourceProperty("synchronous", "NORMAL");
      // BEGIN IMMEDIATE: a transaction that reads then writes takes the write lock up front (waiting
      // out the busy timeout), instead of failing with SQLITE_BUSY_SNAPSHOT when another connection
      // (such as the execution-record writer) committed between its read and its write
      config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    } else {
      config.setMaximumPoolSize(10);
    }
    config.setConnectionTimeout(10_000);
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      if (skipWhenCurrent && schemaIsCurrent(dataSource)) {
        return new Database(dataSource, dialect);
      }
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:" + dialect.migrations(), "classpath:" + Dialect.COMMON_MIGRATIONS)
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource, dialect);
  }

  private static boolean schemaIsCurrent(HikariDataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return SchemaVersion.isCurrent(connection);
    } catch (SQLException e) {
      return false;
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Connections in use now. */
  public int activeConnections() {
    var mx = dataSource.getHikariPoolMXBean();
    return mx == null ? 0 : mx.getActiveConnections();
  }

  /** Connections open now (in use or idle). */
  public int openConnections() {
    var mx = dataSource.getHikariPoolMXBean();
    return mx == null ? 0 : mx.getTotalConnections();
  }

  /** True when a connection can be taken and answers a trivial query. */
  public boolean healthy() {
    try {
      return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
