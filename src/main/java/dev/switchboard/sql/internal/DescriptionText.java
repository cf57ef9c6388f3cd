package dev.switchboard.sql.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** The text form of a {@code describe_table} result, read from its structured form. Stateless. */
final class DescriptionText {
  private DescriptionText() {}

  static String render(JsonNode d) {
    StringBuilder out = new StringBuilder();
    out.append(capitalized(d.get("kind").stringValue())).append(' ')
        .append(d.get("schema").stringValue()).append('.').append(d.get("table").stringValue());
    text(d.get("comment")).ifPresent(comment -> out.append(" — ").append(comment));
    out.append("\n\n");
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode c : d.get("columns")) {
      String identity = text(c.get("identity")).map(kind -> "generated " + kind + " as identity").orElse(null);
      rows.add(Arrays.asList(c.get("name").stringValue(), c.get("type").stringValue(),
          c.get("nullable").booleanValue() ? "yes" : "no",
          identity != null ? identity : text(c.get("default")).orElse(""),
          c.get("primaryKey").booleanValue() ? "PK" : "", text(c.get("comment")).orElse("")));
    }
    out.append(TextTable.render(List.of("column", "type", "nullable", "default", "key", "comment"), rows));
    JsonNode key = d.get("primaryKey");
    if (key != null && !key.isNull()) {
      out.append("\nPrimary key: ").append(key.get("name").stringValue())
          .append(" (").append(names(key.get("columns"))).append(")\n");
    }
    section(out, "Foreign keys", d.get("foreignKeys"), fk -> fk.get("name").stringValue() + ": ("
        + names(fk.get("columns")) + ") references " + fk.get("references").get("schema").stringValue()
        + "." + fk.get("references").get("table").stringValue() + " (" + names(fk.get("references").get("columns"))
        + ") on update " + fk.get("onUpdate").stringValue() + ", on delete " + fk.get("onDelete").stringValue());
    section(out, "Check constraints", d.get("checks"),
        check -> check.get("name").stringValue() + ": " + check.get("definition").stringValue());
    section(out, "Indexes", d.get("indexes"),
        index -> index.get("name").stringValue() + ": " + index.get("definition").stringValue());
    return out.toString().stripTrailing();
  }

  private static void section(StringBuilder out, String title, JsonNode items,
      Function<JsonNode, String> line) {
    if (items == null || items.isEmpty()) {
      return;
    }
    out.append('\n').append(title).append(":\n");
    items.forEach(item -> out.append("  ").append(line.apply(item)).append('\n'));
  }

  private static String names(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::stringValue)
        .collect(Collectors.joining(", "));
  }

  private static Optional<String> text(JsonNode node) {
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node.stringValue());
  }

  private static String capitalized(String kind) {
    return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
  }
}
