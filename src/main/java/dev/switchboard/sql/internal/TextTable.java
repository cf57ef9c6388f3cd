package dev.switchboard.sql.internal;

import java.util.List;

/**
 * Renders rows as an aligned plain-text table in the style of psql, for people and models:
 * a header, a rule, then one line per row. Cells are shown on one line ({@code \n} for line
 * breaks) and cut at {@value #MAX_WIDTH} characters; null is {@code NULL}. Stateless.
 */
final class TextTable {
  static final int MAX_WIDTH = 60;

  private TextTable() {}

  static String render(List<String> headers, List<List<String>> rows) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = cell(headers.get(c)).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], cell(row.get(c)).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, widths);
    for (int c = 0; c < widths.length; c++) {
      out.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
    }
    out.append('\n');
    rows.forEach(row -> line(out, row, widths));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      String text = cell(cells.get(c));
      line.append(c == 0 ? "" : " | ").append(text).append(" ".repeat(widths[c] - text.length()));
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String cell(String value) {
    String text = value == null ? "NULL" : value.replace("\r", "").replace("\n", "\\n").replace("\t", " ");
    return text.length() <= MAX_WIDTH ? text : text.substring(0, MAX_WIDTH - 1) + "…";
  }
}
