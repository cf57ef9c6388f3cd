package dev.switchboard.postgres.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * Checks the SQL a tool is given before it is sent: exactly one statement, starting with one of
 * the allowed commands. This is the friendly first line; the read-only transaction is the guard.
 *
 * <p>Counting uses the driver's own splitter, the same call the driver makes before sending, so
 * the check and the driver cannot disagree about where statements end: the driver sends each piece
 * as its own extended-protocol Parse message, and the server refuses a Parse that holds more than
 * one command. One piece here therefore means one statement on the server. Stateless.
 */
final class StatementGuard {
  private final List<String> allowed;
  private final String verb;

  /**
   * @param allowed upper-case first words the statement may start with
   * @param verb how refusals name the tool's purpose, e.g. {@code "this tool is read-only"}
   */
  StatementGuard(List<String> allowed, String verb) {
    this.allowed = List.copyOf(allowed);
    this.verb = verb;
  }

  /** Why {@code sql} may not be sent, or empty when it may. */
  Optional<String> problem(String sql) {
    if (FirstWord.blank(sql)) {
      return Optional.of("the statement is empty");
    }
    List<NativeQuery> pieces;
    try {
      // standard_conforming_strings is forced on for our connections, as assumed here.
      pieces = Parser.parseJdbcSql(sql, true, false, true, false, false);
    } catch (SQLException e) {
      return Optional.of("the statement cannot be read: " + e.getMessage());
    }
    if (pieces.size() > 1) {
      return Optional.of("send one statement per call: the text holds " + pieces.size()
          + " statements separated by ';' (a trailing ';' is fine, with nothing after it)");
    }
    String first = FirstWord.of(sql).toUpperCase(Locale.ROOT);
    if (!allowed.contains(first)) {
      String found = first.isEmpty() ? "this statement" : first + " statements";
      return Optional.of(verb + ": " + found + " cannot run here; the statement must start with "
          + String.join(", ", allowed));
    }
    return Optional.empty();
  }
}
