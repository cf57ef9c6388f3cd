package dev.switchboard.sql.internal;

import java.sql.SQLException;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads PostgreSQL's answers out of an exception chain: whether the server spoke, and its message
 * without the {@code ERROR:} prefix, with detail, hint and position. Stateless.
 */
final class PostgresMessages {
  private static final String CONNECTION_REJECTED = "08004";

  private PostgresMessages() {}

  /**
   * Whether the peer answered in the PostgreSQL protocol: the server sent an error message, or
   * the driver refused what a PostgreSQL server asked for (SQLSTATE 08004: no SSL where sslmode
   * requires it, a password asked for but none given). Anything else — refused, reset, timed out,
   * bytes that are not the protocol — looks the same from a closed port as from another service.
   */
  static boolean spokePostgres(Throwable e) {
    for (Throwable t : SqlErrors.chain(e)) {
      if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null
          || t instanceof SQLException sql && CONNECTION_REJECTED.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The most specific message: the server's own, else the driver's, plus a socket error's cause. */
  static String text(Throwable e) {
    List<Throwable> chain = SqlErrors.chain(e);
    for (Throwable t : chain) {
      if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
        return server(psql.getServerErrorMessage());
      }
    }
    Throwable primary = chain.stream().filter(PSQLException.class::isInstance).findFirst().orElse(e);
    return SqlErrors.text(primary, e);
  }

  private static String server(ServerErrorMessage m) {
    StringBuilder out = new StringBuilder(m.getMessage() == null ? "" : m.getMessage());
    if (m.getDetail() != null) {
      out.append("; ").append(m.getDetail());
    }
    if (m.getHint() != null) {
      out.append(" Hint: ").append(m.getHint());
    }
    if (m.getPosition() > 0) {
      out.append(" (at character ").append(m.getPosition()).append(')');
    }
    return out.toString();
  }

}
