package dev.switchboard.sql.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The text of an EXPLAIN result: PostgreSQL (and MySQL's JSON format) answer one column whose rows
 * are lines; MySQL's traditional format answers a table, rendered as one. Stateless.
 */
final class PlanText {
  private PlanText() {}

  static String read(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int columns = meta.getColumnCount();
    if (columns == 1) {
      StringBuilder plan = new StringBuilder();
      while (rs.next()) {
        plan.append(plan.length() == 0 ? "" : "\n").append(rs.getString(1));
      }
      return plan.toString();
    }
    List<String> headers = new ArrayList<>();
    for (int i = 1; i <= columns; i++) {
      headers.add(meta.getColumnLabel(i));
    }
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= columns; i++) {
        row.add(Objects.toString(rs.getString(i), ""));
      }
      rows.add(row);
    }
    return TextTable.render(headers, rows).stripTrailing();
  }
}
