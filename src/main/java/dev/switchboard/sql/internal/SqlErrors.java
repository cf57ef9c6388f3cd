package dev.switchboard.sql.internal;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an exception and its causes the same way for every engine (the pool wraps the driver's
 * exception; the driver wraps socket errors): the SQLSTATE, and a message with a socket error's cause
 * added. Stateless.
 */
final class SqlErrors {
  private SqlErrors() {}

  /** The first SQLSTATE in the chain, or an empty string. */
  static String state(Throwable e) {
    for (Throwable t : chain(e)) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return "";
  }

  /** The message of {@code primary} (or its class name), plus the message of a socket error under it. */
  static String text(Throwable primary, Throwable e) {
    String text = primary.getMessage() == null ? primary.getClass().getSimpleName() : primary.getMessage();
    for (Throwable t : chain(e)) {
      if (t instanceof IOException io && io.getMessage() != null && !text.contains(io.getMessage())) {
        return text + " (" + io.getMessage() + ")";
      }
    }
    return text;
  }

  static List<Throwable> chain(Throwable e) {
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
