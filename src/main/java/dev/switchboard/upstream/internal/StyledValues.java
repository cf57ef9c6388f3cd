package dev.switchboard.upstream.internal;

import dev.switchboard.tool.HttpOperation.FieldEncoding;
import dev.switchboard.tool.HttpOperation.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Writes argument values the way OpenAPI's {@code style} and {@code explode} say (OpenAPI 3.1
 * §4.8.12.4 and its style examples), so that no structure travels as JSON text unless the description
 * asks for JSON. Query pairs and form fields come back unencoded (the caller percent-encodes names and
 * values); path values come back percent-encoded, delimiters literal. A structure nested where the
 * style has no notation for it (an object inside a {@code form} array) is written as JSON text; only
 * {@code deepObject} nests. Stateless.
 */
final class StyledValues {
  private StyledValues() {}

  /** The {@code name=value} pairs of a query parameter (or of a form field with an encoding). */
  static List<Map.Entry<String, String>> pairs(String name, JsonNode value, Style style, boolean explode) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (style == Style.DEEP_OBJECT) {
      brackets(name, value, out);
    } else if (value.isArray()) {
      if (explode) {
        value.forEach(item -> out.add(Map.entry(name, text(item))));
      } else {
        out.add(Map.entry(name, join(items(value), delimiter(style), UnaryOperator.identity())));
      }
    } else if (value.isObject()) {
      if (explode) {
        value.properties().forEach(e -> out.add(Map.entry(e.getKey(), text(e.getValue()))));
      } else {
        out.add(Map.entry(name, join(keysAndValues(value), delimiter(style), UnaryOperator.identity())));
      }
    } else {
      out.add(Map.entry(name, text(value)));
    }
    return out;
  }

  /**
   * The fields of a form body ({@code application/x-www-form-urlencoded}): each top-level property
   * as its {@code encoding} entry says; without one, scalars as text, arrays of scalars as repeated
   * keys (style {@code form}, exploded) and objects or arrays of structures in brackets
   * ({@code deepObject}: {@code metadata[crm_id]=42}, {@code items[0][price]=p}). Null fields are left out.
   */
  static List<Map.Entry<String, String>> formFields(JsonNode body, Map<String, FieldEncoding> encoding) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      FieldEncoding how = encoding.get(name);
      if (value.isNull()) {
        continue;
      }
      if (how != null && how.json()) {
        out.add(Map.entry(name, value.toString()));
      } else if (how != null) {
        out.addAll(pairs(name, value, how.style(), how.explode()));
      } else if (value.isObject() || value.isArray() && !allScalars(value)) {
        brackets(name, value, out);
      } else {
        out.addAll(pairs(name, value, Style.FORM, true));
      }
    }
    return out;
  }

  /** A header's value, style {@code simple}: {@code a,b}; objects {@code k,v} or, exploded, {@code k=v}. */
  static String header(JsonNode value, boolean explode) {
    if (value.isArray()) {
      return join(items(value), ",", UnaryOperator.identity());
    }
    if (value.isObject()) {
      return join(explode ? assignments(value) : keysAndValues(value), ",", UnaryOperator.identity());
    }
    return text(value);
  }

  /** A path parameter's value in style {@code simple}, {@code label} or {@code matrix}, percent-encoded. */
  static String path(String name, JsonNode value, Style style, boolean explode) {
    UnaryOperator<String> encode = UrlParts::pathSegment;
    String prefix = switch (style) {
      case LABEL -> ".";
      case MATRIX -> ";";
      default -> "";
    };
    String separator = explode && style != Style.SIMPLE ? prefix : ",";
    if (style == Style.MATRIX && !(value.isObject() && explode)) {
      String key = encode.apply(name);
      if (value.isArray() && explode) {
        List<String> each = new ArrayList<>();
        value.forEach(item -> each.add(key + "=" + encode.apply(text(item))));
        return each.isEmpty() ? "" : ";" + String.join(";", each);
      }
      String joined = value.isArray() ? join(items(value), ",", encode)
          : value.isObject() ? join(keysAndValues(value), ",", encode) : encode.apply(text(value));
      return ";" + key + (joined.isEmpty() ? "" : "=" + joined);
    }
    if (value.isArray()) {
      return prefix + join(items(value), separator, encode);
    }
    if (value.isObject()) {
      if (!explode) {
        return prefix + join(keysAndValues(value), ",", encode);
      }
      List<String> each = new ArrayList<>();
      value.properties().forEach(e -> each.add(encode.apply(e.getKey()) + "=" + encode.apply(text(e.getValue()))));
      return prefix + String.join(separator, each);
    }
    return prefix + encode.apply(text(value));
  }

  /** Stripe's bracket notation: {@code a[b]=v}, {@code a[b][c]=v}, scalar arrays {@code a[]=v}, others {@code a[0][b]=v}. */
  private static void brackets(String prefix, JsonNode value, List<Map.Entry<String, String>> out) {
    if (value.isObject()) {
      value.properties().forEach(e -> brackets(prefix + "[" + e.getKey() + "]", e.getValue(), out));
    } else if (value.isArray() && allScalars(value)) {
      value.forEach(item -> out.add(Map.entry(prefix + "[]", text(item))));
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        brackets(prefix + "[" + i + "]", value.get(i), out);
      }
    } else {
      // a null member is sent empty, which is how form APIs such as Stripe's unset a key
      out.add(Map.entry(prefix, value.isNull() ? "" : text(value)));
    }
  }

  private static boolean allScalars(JsonNode array) {
    for (JsonNode item : array) {
      if (item.isContainer()) {
        return false;
      }
    }
    return true;
  }

  private static String delimiter(Style style) {
    return switch (style) {
      case SPACE_DELIMITED -> " ";
      case PIPE_DELIMITED -> "|";
      default -> ",";
    };
  }

  private static List<String> items(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(text(item)));
    return out;
  }

  private static List<String> keysAndValues(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.properties().forEach(e -> {
      out.add(e.getKey());
      out.add(text(e.getValue()));
    });
    return out;
  }

  private static List<String> assignments(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.properties().forEach(e -> out.add(e.getKey() + "=" + text(e.getValue())));
    return out;
  }

  private static String join(List<String> parts, String delimiter, UnaryOperator<String> encode) {
    return String.join(delimiter, parts.stream().map(encode).toList());
  }

  /** A scalar as text ({@code null} as empty); a structure where the style has no notation, as JSON. */
  static String text(JsonNode value) {
    if (value.isNull()) {
      return "";
    }
    return value.isValueNode() ? value.asString() : value.toString();
  }
}
