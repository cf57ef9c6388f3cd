package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values that must not come back in a text an upstream sent: a credential's secrets, or the auth
 * headers sent to a remote MCP server — each header value, the token after its scheme
 * ({@code Bearer …}), and the user and password inside {@code Basic}. Values shorter than 4
 * characters are left alone. Immutable.
 */
public final class Secrets {
  private final List<String> values;

  private Secrets(List<String> values) {
    List<String> longestFirst = new ArrayList<>(values);
    longestFirst.sort((a, b) -> b.length() - a.length());
    this.values = List.copyOf(longestFirst);
  }

  /** These values. */
  public static Secrets values(List<String> values) {
    return new Secrets(values);
  }

  /** The values the auth headers carry. */
  public static Secrets of(List<Header> auth) {
    List<String> values = new ArrayList<>();
    for (Header header : auth) {
      String value = header.value();
      values.add(value);
      int space = value.indexOf(' ');
      if (space > 0) {
        String token = value.substring(space + 1).trim();
        values.add(token);
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
          basic(token, values);
        }
      }
    }
    return new Secrets(values);
  }

  /** {@code text} with every value replaced by {@code [redacted]}. */
  public String redact(String text) {
    return Redaction.apply(text, values);
  }

  /** {@code result} with its text and the strings of its structured content redacted. */
  public ToolResult redact(ToolResult result) {
    return new ToolResult(result.outcome(), redact(result.text()), result.structured().map(this::redact),
        result.upstreamStatus());
  }

  /** {@code node} with its strings redacted; itself when no value occurs in it. */
  public JsonNode redact(JsonNode node) {
    if (node.isString()) {
      String redacted = redact(node.asString());
      return redacted.equals(node.asString()) ? node : JsonNodeFactory.instance.stringNode(redacted);
    }
    if (node.isObject()) {
      ObjectNode copy = null;
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        JsonNode redacted = redact(property.getValue());
        if (redacted != property.getValue()) {
          copy = copy == null ? (ObjectNode) node.deepCopy() : copy;
          copy.set(property.getKey(), redacted);
        }
      }
      return copy == null ? node : copy;
    }
    if (node.isArray()) {
      ArrayNode copy = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode redacted = redact(node.get(i));
        if (redacted != node.get(i)) {
          copy = copy == null ? (ArrayNode) node.deepCopy() : copy;
          copy.set(i, redacted);
        }
      }
      return copy == null ? node : copy;
    }
    return node;
  }

  private static void basic(String token, List<String> values) {
    try {
      String pair = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      values.add(pair);
      values.add(pair.substring(pair.indexOf(':') + 1));
    } catch (IllegalArgumentException e) {
      // not Base64: the header value itself is redacted already
    }
  }
}
