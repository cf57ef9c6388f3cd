package dev.switchboard.sql.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the SQL a tool is given before it is sent: exactly one statement, starting with one of
 * the allowed commands. This is the friendly first line; the read-only transaction is the guard.
 * Statements are counted by the engine's {@link Dialect#statements}, which splits as its driver
 * does before sending. Stateless.
 */
final class StatementGuard {
  /**
   * MySQL and MariaDB write a query's rows to a file on the database host with these, which a
   * read-only transaction does not stop (it guards tables, not files).
   */
  private static final Pattern INTO_FILE = Pattern.compile("\\bINTO\\s+(OUTFILE|DUMPFILE)\\b",
      Pattern.CASE_INSENSITIVE);
  private final Dialect dialect;
  private final List<String> allowed;
  private final String verb;

  /**
   * @param allowed upper-case first words the statement may start with
   * @param verb how refusals name the tool's purpose, e.g. {@code "this tool is read-only"}
   */
  StatementGuard(Dialect dialect, List<String> allowed, String verb) {
    this.dialect = dialect;
    this.allowed = List.copyOf(allowed);
    this.verb = verb;
  }

  /** Why {@code sql} may not be sent, or empty when it may. */
  Optional<String> problem(String sql) {
    if (FirstWord.blank(sql)) {
      return Optional.of("the statement is empty");
    }
    int pieces;
    try {
      pieces = dialect.statements(sql);
    } catch (SQLException e) {
      return Optional.of("the statement cannot be read: " + e.getMessage());
    }
    if (pieces > 1) {
      return Optional.of("send one statement per call: the text holds " + pieces
          + " statements separated by ';' (a trailing ';' is fine, with nothing after it)");
    }
    String first = FirstWord.of(sql).toUpperCase(Locale.ROOT);
    if (!allowed.contains(first)) {
      String found = first.isEmpty() ? "this statement" : first + " statements";
      return Optional.of(verb + ": " + found + " cannot run here; the statement must start with "
          + String.join(", ", allowed));
    }
    if (INTO_FILE.matcher(sql).find()) {
      return Optional.of(verb + ": INTO OUTFILE and INTO DUMPFILE write files on the database server and "
          + "cannot run here");
    }
    return Optional.empty();
  }
}
