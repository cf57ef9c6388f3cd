package dev.switchboard.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the PostgreSQL tools. Every statement also stops at the call's deadline when that
 * comes first. Immutable.
 *
 * @param statementTimeout how long one statement may run (server-side {@code statement_timeout})
 * @param rowLimit the most rows {@code query} returns; its {@code max_rows} argument can only lower
 *     it (1–10000)
 * @param connectTimeout how long opening a connection may take, and how long a call waits for a
 *     pooled one
 * @param idleTimeout how long a credential's pool is kept without use (at least 10 s)
 */
public record SqlLimits(
    Duration statementTimeout, int rowLimit, Duration connectTimeout, Duration idleTimeout) {

  public static final int MAX_ROW_LIMIT = 10_000;

  public SqlLimits {
    positive(statementTimeout, "statementTimeout");
    positive(connectTimeout, "connectTimeout");
    positive(idleTimeout, "idleTimeout");
    if (idleTimeout.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new IllegalArgumentException("idleTimeout must be at least 10 s");
    }
    if (rowLimit < 1 || rowLimit > MAX_ROW_LIMIT) {
      throw new IllegalArgumentException("rowLimit must be between 1 and " + MAX_ROW_LIMIT);
    }
  }

  /** 5 s statements, 500 rows, 5 s to connect, pools closed after 60 s without use. */
  public static SqlLimits defaults() {
    return new SqlLimits(Duration.ofSeconds(5), 500, Duration.ofSeconds(5), Duration.ofSeconds(60));
  }

  public SqlLimits withStatementTimeout(Duration timeout) {
    return new SqlLimits(timeout, rowLimit, connectTimeout, idleTimeout);
  }

  public SqlLimits withRowLimit(int limit) {
    return new SqlLimits(statementTimeout, limit, connectTimeout, idleTimeout);
  }

  public SqlLimits withConnectTimeout(Duration timeout) {
    return new SqlLimits(statementTimeout, rowLimit, timeout, idleTimeout);
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
