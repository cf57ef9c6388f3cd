package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.Redactor;
import dev.switchboard.upstream.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an upstream answer into a tool result. 2xx JSON → {@code structuredContent} (an object;
 * other JSON values are wrapped as {@code {"result": …}}) plus the same JSON as text; other types →
 * text. 4xx/5xx → an error result with the status and a short upstream message; 401/403 say the
 * credential was rejected, 429 says when to retry, 5xx that the provider is unavailable. The call's
 * {@link Redactor} hides every form of its secrets in the text as it arrived, and again in what
 * parsing decoded: the structured content and the message picked out of an error body.
 */
final class ResponseMapper {
  private static final int MESSAGE_CHARS = 300;
  private final JsonMapper json;

  ResponseMapper(JsonMapper json) {
    this.json = json;
  }

  ToolResult map(UpstreamResponse response, Redactor redactor) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    String text = redactor.redact(body);
    int status = response.status();
    if (status >= 200 && status < 300) {
      return success(response, body, text, redactor);
    }
    String message = redactor.redact(shortMessage(response, body));
    if (status == 401 || status == 403) {
      return ToolResult.failure(Outcome.CREDENTIALS_REJECTED,
          "credentials rejected: the provider answered HTTP " + status + suffix(message), status);
    }
    if (status == 429) {
      String when = response.retryAfter().map(r -> "; retry after " + describeRetry(r)).orElse("");
      return ToolResult.failure(Outcome.RATE_LIMITED,
          "rate limited: the provider answered HTTP 429" + when + suffix(message), status);
    }
    if (status >= 500) {
      return ToolResult.failure(Outcome.UNREACHABLE,
          "provider unavailable: the provider answered HTTP " + status + suffix(message), status);
    }
    return ToolResult.failure(Outcome.UPSTREAM_REJECTED_REQUEST,
        "the provider refused the request with HTTP " + status + suffix(message), status);
  }

  private ToolResult success(UpstreamResponse response, String body, String text, Redactor redactor) {
    if (response.truncated()) {
      return ToolResult.ok(text + "\n\n[response cut at " + response.maxBytes()
          + " bytes: the provider sent more than Switchboard accepts for one result]", null,
          response.status());
    }
    if (!isJson(response.contentType()) || body.isBlank()) {
      return ToolResult.ok(text, null, response.status());
    }
    try {
      // parsed as it arrived and then redacted: escapes are decoded by now
      JsonNode parsed = redactor.redact(json.readTree(body));
      ObjectNode structured = parsed.isObject()
          ? (ObjectNode) parsed
          : json.createObjectNode().set("result", parsed);
      return ToolResult.ok(text, structured, response.status());
    } catch (JacksonException e) {
      return ToolResult.ok(text, null, response.status());
    }
  }

  private String shortMessage(UpstreamResponse response, String text) {
    if (isJson(response.contentType())) {
      try {
        JsonNode body = json.readTree(text);
        for (String field : new String[] {"message", "error_description", "error", "detail", "title"}) {
          JsonNode value = body.path(field);
          if (value.isString() && !value.asString().isBlank()) {
            return cap(value.asString());
          }
          if (value.isObject() && value.path("message").isString()) {
            return cap(value.path("message").asString());
          }
        }
      } catch (JacksonException e) {
        // not JSON after all: fall back to the text
      }
    }
    return cap(text.strip());
  }

  private static String describeRetry(String retryAfter) {
    String value = retryAfter.trim();
    return value.chars().allMatch(Character::isDigit) ? value + " seconds" : value;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("application/json") || type.contains("+json");
  }

  private static String suffix(String message) {
    return message.isEmpty() ? "" : ": " + message;
  }

  private static String cap(String s) {
    String oneLine = s.replaceAll("\\s+", " ");
    return oneLine.length() <= MESSAGE_CHARS ? oneLine : oneLine.substring(0, MESSAGE_CHARS) + "…";
  }
}
