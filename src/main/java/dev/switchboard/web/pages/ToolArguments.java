package dev.switchboard.web.pages;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a tool's input JSON Schema into form inputs and the submitted form back into a JSON object.
 * Only the conversion lives here (text → number, "true" → boolean, JSON text → value); whether the
 * arguments are valid is decided by the tool's schema when the validation runs.
 */
final class ToolArguments {
  static final String PREFIX = "arg.";

  /** The converted arguments, or the problems per input name (the form field's name). */
  record Parsed(ObjectNode arguments, Map<String, String> errors) {}

  private final JsonMapper json;

  ToolArguments(JsonMapper json) {
    this.json = json;
  }

  /** The inputs of a schema, filled with {@code values} (raw text per property name). */
  List<ArgField> fields(JsonNode schema, Map<String, String> values, Map<String, String> errors) {
    List<ArgField> out = new ArrayList<>();
    JsonNode properties = schema.path("properties");
    Set<String> required = required(schema);
    for (String name : properties.propertyNames()) {
      JsonNode p = properties.get(name);
      String kind = kind(p);
      List<Option> options = new ArrayList<>();
      String value = values.getOrDefault(name, "");
      if (kind.equals("enum")) {
        options.add(new Option("", "— not set —", value.isEmpty()));
        for (JsonNode v : p.path("enum")) {
          options.add(new Option(v.asString(), v.asString(), v.asString().equals(value)));
        }
      } else if (kind.equals("boolean")) {
        options.add(new Option("", "— not set —", value.isEmpty()));
        options.add(new Option("true", "true", value.equals("true")));
        options.add(new Option("false", "false", value.equals("false")));
      }
      String label = p.path("title").asString(name);
      JsonNode def = p.get("default");
      String placeholder = def == null ? "" : "default: " + (def.isString() ? def.asString() : def.toString());
      out.add(new ArgField(PREFIX + name, "arg-" + name.replaceAll("[^A-Za-z0-9_-]", "_"), label, kind,
          required.contains(name), p.path("description").asString(""), value, placeholder, options,
          errors.get(PREFIX + name)));
    }
    return out;
  }

  /** Raw text of each property in a JSON object of arguments (the provider's default arguments). */
  Map<String, String> text(Map<String, Object> arguments) {
    Map<String, String> out = new LinkedHashMap<>();
    arguments.forEach((k, v) -> out.put(k, v instanceof String s ? s
        : v instanceof Number || v instanceof Boolean ? String.valueOf(v) : json.writeValueAsString(v)));
    return out;
  }

  /** Converts the submitted inputs; empty inputs are left out. */
  Parsed parse(JsonNode schema, Map<String, String> submitted) {
    ObjectNode args = json.createObjectNode();
    Map<String, String> errors = new LinkedHashMap<>();
    JsonNode properties = schema.path("properties");
    for (String name : properties.propertyNames()) {
      String raw = submitted.get(name);
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String text = raw.trim();
      switch (kind(properties.get(name))) {
        case "integer" -> {
          try {
            args.put(name, new BigDecimal(text).toBigIntegerExact());
          } catch (ArithmeticException | NumberFormatException e) {
            errors.put(PREFIX + name, "must be a whole number");
          }
        }
        case "number" -> {
          try {
            args.put(name, new BigDecimal(text));
          } catch (NumberFormatException e) {
            errors.put(PREFIX + name, "must be a number");
          }
        }
        case "boolean" -> args.put(name, Boolean.parseBoolean(text));
        case "enum" -> {
          for (JsonNode allowed : properties.get(name).path("enum")) {
            if (allowed.asString().equals(raw)) {
              args.set(name, allowed);
            }
          }
        }
        case "json" -> {
          try {
            args.set(name, json.readTree(text));
          } catch (JacksonException e) {
            errors.put(PREFIX + name, "must be JSON, for example [\"a\", \"b\"] or {\"key\": 1}");
          }
        }
        default -> args.put(name, raw);
      }
    }
    return new Parsed(args, errors);
  }

  private static Set<String> required(JsonNode schema) {
    Set<String> out = new HashSet<>();
    schema.path("required").forEach(n -> out.add(n.asString()));
    return out;
  }

  private static String kind(JsonNode property) {
    if (property.has("enum") && property.path("enum").isArray()) {
      return "enum";
    }
    JsonNode type = property.path("type");
    String t = type.isString() ? type.asString() : "";
    if (type.isArray()) {
      for (JsonNode each : type) {
        if (!each.asString().equals("null")) {
          t = t.isEmpty() ? each.asString() : "mixed";
        }
      }
    }
    return switch (t) {
      case "string" -> "text";
      case "integer" -> "integer";
      case "number" -> "number";
      case "boolean" -> "boolean";
      default -> "json";
    };
  }
}
