package dev.switchboard.oauth.internal;

import dev.switchboard.upstream.HttpResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a token endpoint's answer as a JSON object. RFC 6749 §5.1 says JSON, but some endpoints
 * (GitHub's, without {@code Accept: application/json} honoured) answer
 * {@code access_token=…&scope=…&token_type=bearer} as {@code application/x-www-form-urlencoded}
 * or even {@code text/plain}; such a body becomes an object of string members. Anything else is an
 * empty object. Stateless.
 */
final class TokenBodies {
  private TokenBodies() {}

  static JsonNode read(JsonMapper json, HttpResult result) {
    String text = result.bodyText().trim();
    String type = result.contentType().orElse("").toLowerCase(Locale.ROOT);
    if (!type.contains("x-www-form-urlencoded") && (text.startsWith("{") || text.startsWith("["))) {
      try {
        JsonNode body = json.readTree(text);
        return body.isObject() ? body : json.createObjectNode();
      } catch (JacksonException e) {
        return json.createObjectNode();
      }
    }
    return form(json, text);
  }

  /** {@code a=1&b=2} as {@code {"a":"1","b":"2"}}; the first of repeated names wins. */
  private static ObjectNode form(JsonMapper json, String text) {
    ObjectNode out = json.createObjectNode();
    if (text.isEmpty() || text.contains("\n") || !text.contains("=")) {
      return out;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      try {
        String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
        if (!out.has(name)) {
          out.put(name, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      } catch (IllegalArgumentException e) {
        return json.createObjectNode(); // not form encoding after all
      }
    }
    return out;
  }
}
