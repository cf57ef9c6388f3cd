package dev.switchboard.store;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Tells a unique-index violation from other database failures, on both databases, so that two
 * requests racing past the same "is this name free?" check end in the same conflict a single one
 * would get, not in a 500. PostgreSQL reports SQLSTATE 23505; the SQLite driver reports result code
 * 19 (SQLITE_CONSTRAINT) with "UNIQUE constraint failed" in its message and no SQLSTATE.
 */
public final class UniqueViolation {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final int SQLITE_CONSTRAINT = 19;
  private static final int ATTEMPTS = 5;

  private UniqueViolation() {}

  /**
   * Runs {@code work}, again while it fails on a unique index (at most {@value #ATTEMPTS} times in all):
   * work that checks a name before writing it then sees the rows that won the race and answers as it
   * would have had it come after them (a chosen name refused, a generated one moved on).
   */
  public static <T> T retried(Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS || !causedBy(e)) {
          throw e;
        }
      }
    }
  }

  /** Whether {@code failure} or one of its causes is a unique-index violation. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && (UNIQUE_VIOLATION.equals(sql.getSQLState())
          || sql.getErrorCode() == SQLITE_CONSTRAINT && String.valueOf(sql.getMessage()).contains("UNIQUE"))) {
        return true;
      }
    }
    return false;
  }
}
