package dev.switchboard.sql.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A result set read up to a row limit: the structured form {@code {columns: [{name, type}], rows:
 * [[…]], rowCount, truncated}} and the text table. One more row than the limit is asked for, so
 * {@code truncated} is true only when rows were really left out.
 */
record ResultTable(ObjectNode structured, String text) {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  static ResultTable read(ResultSet rs, int limit) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int count = meta.getColumnCount();
    ObjectNode out = NODES.objectNode();
    ArrayNode columns = out.putArray("columns");
    List<String> headers = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (int c = 1; c <= count; c++) {
      String type = typeName(meta.getColumnTypeName(c));
      columns.addObject().put("name", meta.getColumnLabel(c)).put("type", type);
      headers.add(meta.getColumnLabel(c));
      types.add(type);
    }
    ArrayNode rows = out.putArray("rows");
    List<List<String>> texts = new ArrayList<>();
    boolean truncated = false;
    while (rs.next()) {
      if (rows.size() == limit) {
        truncated = true;
        break;
      }
      ArrayNode row = rows.addArray();
      List<String> text = new ArrayList<>();
      for (int c = 1; c <= count; c++) {
        JsonNode cell = Cells.read(rs, c, types.get(c - 1));
        row.add(cell);
        text.add(Cells.display(cell));
      }
      texts.add(text);
    }
    out.put("rowCount", rows.size());
    out.put("truncated", truncated);
    return new ResultTable(out, TextTable.render(headers, texts) + footer(rows.size(), truncated, limit));
  }

  // The driver names integer columns with a sequence default after the serial pseudo-types, and
  // array types by their internal names (_int4); show the real types.
  private static String typeName(String driverName) {
    return switch (driverName) {
      case "serial" -> "int4";
      case "bigserial" -> "int8";
      case "smallserial" -> "int2";
      default -> driverName.startsWith("_") ? driverName.substring(1) + "[]" : driverName;
    };
  }

  private static String footer(int rows, boolean truncated, int limit) {
    String count = "(" + rows + (rows == 1 ? " row)" : " rows)");
    if (!truncated) {
      return count;
    }
    return count + "\nNotice: the result was cut at the row limit of " + limit
        + " rows; more rows exist. Add WHERE or LIMIT to narrow the query.";
  }
}
