package dev.switchboard.tool.internal;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Turns validation errors into messages a person (or an AI) can act on: "field path: what is
 * wrong" ({@code owner: is required}, {@code body.items[0].id: must be an integer}). Messages are
 * built from the schema only and never contain the submitted value, which may be a secret.
 * Errors inside the branches of a failed {@code anyOf}/{@code oneOf} are left out; the branch
 * failure is reported once.
 */
public final class ArgumentProblems {
  private static final int MAX_LISTED = 10;

  private ArgumentProblems() {}

  /** One message per distinct problem, in the validator's order. */
  public static List<String> describe(List<Error> errors) {
    Set<String> messages = new LinkedHashSet<>();
    for (Error error : errors) {
      if (!insideBranch(error.getEvaluationPath())) {
        messages.add(describe(error));
      }
    }
    return new ArrayList<>(messages);
  }

  private static String describe(Error error) {
    String path = path(error.getInstanceLocation());
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    JsonNode value = error.getSchemaNode();
    return switch (keyword) {
      case "required" -> join(path, error.getProperty()) + ": is required";
      case "additionalProperties", "unevaluatedProperties" ->
          join(path, error.getProperty()) + ": is not an allowed field";
      default -> (path.isEmpty() ? "arguments" : path) + ": " + rule(keyword, value);
    };
  }

  private static String rule(String keyword, JsonNode value) {
    return switch (keyword) {
      case "type" -> "must be " + types(value);
      case "enum" -> "must be one of " + list(value);
      case "const" -> "must be " + value;
      case "minimum" -> "must be at least " + value;
      case "maximum" -> "must be at most " + value;
      case "exclusiveMinimum" -> "must be greater than " + value;
      case "exclusiveMaximum" -> "must be less than " + value;
      case "multipleOf" -> "must be a multiple of " + value;
      case "minLength" -> "must be at least " + value + " characters long";
      case "maxLength" -> "must be at most " + value + " characters long";
      case "pattern" -> "must match the pattern " + value.asString();
      case "format" -> "must be a valid " + value.asString();
      case "minItems" -> "must have at least " + value + " items";
      case "maxItems" -> "must have at most " + value + " items";
      case "uniqueItems" -> "must not contain the same item twice";
      case "minProperties" -> "must have at least " + value + " fields";
      case "maxProperties" -> "must have at most " + value + " fields";
      case "oneOf" -> "must match exactly one of the allowed forms";
      case "anyOf" -> "must match at least one of the allowed forms";
      case "not", "false" -> "is not allowed";
      default -> "is not valid (" + keyword + ")";
    };
  }

  private static String types(JsonNode type) {
    if (!type.isArray()) {
      return article(type.asString());
    }
    return StreamSupport.stream(type.spliterator(), false).map(t -> article(t.asString()))
        .collect(Collectors.joining(" or "));
  }

  private static String article(String type) {
    return switch (type) {
      case "null" -> "null";
      case "integer", "object", "array" -> "an " + type;
      default -> "a " + type;
    };
  }

  private static String list(JsonNode values) {
    List<String> shown = StreamSupport.stream(values.spliterator(), false).limit(MAX_LISTED)
        .map(JsonNode::toString).toList();
    return String.join(", ", shown) + (values.size() > MAX_LISTED ? ", …" : "");
  }

  private static boolean insideBranch(NodePath evaluationPath) {
    for (int i = 0; i < evaluationPath.getNameCount() - 1; i++) {
      String name = String.valueOf(evaluationPath.getElement(i));
      if (name.equals("anyOf") || name.equals("oneOf")) {
        return true;
      }
    }
    return false;
  }

  private static String path(NodePath location) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      if (element instanceof Integer index) {
        path.append('[').append(index).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(element);
      }
    }
    return path.toString();
  }

  private static String join(String path, String property) {
    return path.isEmpty() ? property : path + "." + property;
  }
}
