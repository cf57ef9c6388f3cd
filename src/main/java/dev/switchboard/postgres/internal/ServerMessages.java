package dev.switchboard.postgres.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads the SQLSTATE and a readable message out of an exception and its causes (the pool wraps
 * the driver's exception; the driver wraps socket errors). Server messages come without the
 * {@code ERROR:} prefix, with their detail, hint and position. Stateless.
 */
final class ServerMessages {
  private static final String CONNECTION_REJECTED = "08004";

  private ServerMessages() {}

  /** The first SQLSTATE in the chain, or an empty string. */
  static String state(Throwable e) {
    for (Throwable t : chain(e)) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return "";
  }

  /**
   * Whether the peer answered in the PostgreSQL protocol: the server sent an error message, or
   * the driver refused what a PostgreSQL server asked for (SQLSTATE 08004: no SSL where sslmode
   * requires it, a password asked for but none given). Anything else — refused, reset, timed out,
   * bytes that are not the protocol — looks the same from a closed port as from another service.
   */
  static boolean spokePostgres(Throwable e) {
    for (Throwable t : chain(e)) {
      if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null
          || t instanceof SQLException sql && CONNECTION_REJECTED.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The most specific message: the server's own, else the driver's, plus a socket error's cause. */
  static String text(Throwable e) {
    List<Throwable> chain = chain(e);
    for (Throwable t : chain) {
      if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
        return server(psql.getServerErrorMessage());
      }
    }
    Throwable primary = chain.stream().filter(PSQLException.class::isInstance).findFirst().orElse(e);
    String text = primary.getMessage() == null ? primary.getClass().getSimpleName() : primary.getMessage();
    for (Throwable t : chain) {
      if (t instanceof IOException io && io.getMessage() != null && !text.contains(io.getMessage())) {
        return text + " (" + io.getMessage() + ")";
      }
    }
    return text;
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

  private static List<Throwable> chain(Throwable e) {
    List<Throwable> out = new ArrayList<>();
    for (Throwable t = e; t != null && out.size() < 20 && !out.contains(t); ) {
      out.add(t);
      Throwable next = t instanceof SQLException sql && sql.getNextException() != null
          ? sql.getNextException() : t.getCause();
      t = next;
    }
    return out;
  }
}
