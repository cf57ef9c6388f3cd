package dev.switchboard.sql.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.sql.SqlLimits;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Makes the small per-credential pool: at most two connections to the approved address, none kept
 * when idle, read-only and not auto-committing, sharing one housekeeping thread. The pool opens no
 * connection when made: {@link Pools} makes it only after a direct connection proved the settings.
 */
final class PoolFactory {
  private static final int MAX_CONNECTIONS = 2;
  private final Dialect dialect;
  private final SqlLimits limits;
  private final ScheduledExecutorService housekeeping;

  PoolFactory(Dialect dialect, SqlLimits limits, ScheduledExecutorService housekeeping) {
    this.dialect = dialect;
    this.limits = limits;
    this.housekeeping = housekeeping;
  }

  HikariDataSource create(String credentialId, ConnectionTarget target, InetAddress address) {
    long connectMillis = Math.max(250, limits.connectTimeout().toMillis());
    long idleMillis = limits.idleTimeout().toMillis();
    HikariConfig config = new HikariConfig();
    config.setPoolName(dialect.scheme().scheme() + "-" + credentialId);
    config.setDriverClassName(dialect.driver().getClass().getName());
    config.setJdbcUrl(dialect.jdbcUrl(target, address));
    config.setDataSourceProperties(dialect.properties(target, address, Duration.ofMillis(connectMillis)));
    config.setMaximumPoolSize(MAX_CONNECTIONS);
    config.setMinimumIdle(0);
    config.setIdleTimeout(idleMillis);
    config.setMaxLifetime(Math.max(Duration.ofMinutes(30).toMillis(), idleMillis + 60_000));
    config.setConnectionTimeout(connectMillis);
    config.setValidationTimeout(Math.min(connectMillis, 5_000));
    config.setInitializationFailTimeout(-1);
    config.setAutoCommit(false);
    config.setReadOnly(true);
    config.setRegisterMbeans(false);
    config.setScheduledExecutor(housekeeping);
    return new HikariDataSource(config);
  }
}
