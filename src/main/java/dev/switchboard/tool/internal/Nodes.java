package dev.switchboard.tool.internal;

import tools.jackson.databind.JsonNode;

/** Null-safe reads of OpenAPI trees, whose shape is only as good as the document. */
final class Nodes {
  private static final int MAX_DETAIL = 120;

  private Nodes() {}

  /** The string at {@code field}, or "" when absent or not a string. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() ? value.stringValue() : "";
  }

  /** True when {@code node} is an object with a string {@code $ref}. */
  static boolean isRef(JsonNode node) {
    return node.isObject() && node.path("$ref").isString();
  }

  /** {@code text} cut to a length fit for a skip detail. */
  static String cut(String text) {
    return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
  }
}
