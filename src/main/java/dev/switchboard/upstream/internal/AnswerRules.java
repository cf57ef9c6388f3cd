package dev.switchboard.upstream.internal;

import dev.switchboard.provider.AnswerRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Finds the first of a provider's {@link AnswerRule}s that an answer matches: its status, then the
 * header or JSON path it tests. Stateless.
 */
final class AnswerRules {
  private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_-]+)|\\[([0-9]{1,4})\\]");

  private AnswerRules() {}

  /**
   * The first rule that matches, if any.
   *
   * @param headers the answer's headers by name (case-insensitive)
   * @param body the parsed body, or null when it is not JSON
   */
  static Optional<AnswerRule> first(List<AnswerRule> rules, int status,
      Function<String, Optional<String>> headers, JsonNode body) {
    return rules.stream().filter(r -> matches(r, status, headers, body)).findFirst();
  }

  static boolean matches(AnswerRule rule, int status, Function<String, Optional<String>> headers, JsonNode body) {
    if (rule.status() != null && !rule.status().contains(status)) {
      return false;
    }
    if (rule.header() != null) {
      Optional<String> value = headers.apply(rule.header());
      if (rule.is() != null) {
        return value.map(v -> v.strip().equals(String.valueOf(rule.is()))).orElse(false);
      }
      return value.isPresent() == (rule.present() == null || rule.present());
    }
    if (rule.path() != null) {
      if (body == null) {
        return false;
      }
      Optional<JsonNode> value = at(body, rule.path());
      if (rule.is() != null) {
        return value.map(v -> same(v, rule.is())).orElse(false);
      }
      return value.isPresent() == (rule.present() == null || rule.present());
    }
    return true;
  }

  /** The value at a JSON path ({@code $.a.b[0]}); empty when a step is missing or the value is null. */
  static Optional<JsonNode> at(JsonNode root, String path) {
    JsonNode node = root;
    Matcher step = STEP.matcher(path.substring(1));
    while (step.find() && node != null) {
      node = step.group(1) != null ? node.get(step.group(1)) : node.get(Integer.parseInt(step.group(2)));
    }
    return node == null || node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(node);
  }

  /** The text a reason path points at: a string as it is, other JSON as written. */
  static Optional<String> text(JsonNode root, String path) {
    if (root == null || path == null) {
      return Optional.empty();
    }
    return at(root, path).map(v -> v.isString() ? v.asString() : v.toString()).filter(s -> !s.isBlank());
  }

  private static boolean same(JsonNode value, Object expected) {
    if (expected instanceof Boolean b) {
      return value.isBoolean() && value.asBoolean() == b;
    }
    if (expected instanceof Number n) {
      return value.isNumber() && value.decimalValue().compareTo(new BigDecimal(n.toString())) == 0;
    }
    return value.isString() && value.asString().equals(expected);
  }
}
