package dev.switchboard.sql.internal;

/**
 * The first keyword of an SQL statement, after white space, comments ({@code --} lines and nested
 * block comments, as PostgreSQL reads them) and opening parentheses; empty when the statement
 * starts with anything else. Stateless.
 */
final class FirstWord {
  private FirstWord() {}

  static String of(String sql) {
    int i = skip(sql, true);
    int start = i;
    while (i < sql.length() && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_')) {
      i++;
    }
    return sql.substring(start, i);
  }

  /** True when {@code sql} holds nothing but white space and comments. */
  static boolean blank(String sql) {
    return skip(sql, false) == sql.length();
  }

  private static int skip(String sql, boolean parentheses) {
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || parentheses && c == '(') {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end + 1;
      } else if (sql.startsWith("/*", i)) {
        i = blockCommentEnd(sql, i);
      } else {
        return i;
      }
    }
    return i;
  }

  private static int blockCommentEnd(String sql, int from) {
    int depth = 0;
    int i = from;
    while (i < sql.length()) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return i;
  }
}
