package dev.switchboard.sql.internal;

import dev.switchboard.provider.DsnScheme;

/** The dialect of each engine. */
public final class Dialects {
  private Dialects() {}

  public static Dialect of(DsnScheme engine) {
    return switch (engine) {
      case POSTGRESQL -> new PostgresDialect();
      case MYSQL -> new MysqlDialect();
    };
  }
}
