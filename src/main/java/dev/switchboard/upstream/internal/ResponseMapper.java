package dev.switchboard.upstream.internal;

import dev.switchboard.provider.AnswerRule;
import dev.switchboard.provider.AnswerVerdict;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.Redactor;
import dev.switchboard.upstream.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns an upstream answer into a tool result. 2xx JSON → {@code structuredContent} (an object;
 * other JSON values are wrapped as {@code {"result": …}}) plus the same JSON as text; other types →
 * text. 4xx/5xx → an error result with the status and a short upstream message; 401/403 say the
 * credential was rejected, 429 says when to retry (only a number of seconds or an HTTP date is
 * repeated), 5xx that the provider is unavailable. The call's {@link Redactor} hides every form of its
 * secrets in the text as it arrived, and again in what parsing decoded: the structured content and
 * the message picked out of an error body. Texts are redacted whole before they are cut.
 */
final class ResponseMapper {
  private static final int MESSAGE_CHARS = 300;
  private final JsonMapper json;

  ResponseMapper(JsonMapper json) {
    this.json = json;
  }

  ToolResult map(UpstreamResponse response, Redactor redactor) {
    return map(response, redactor, List.of());
  }

  /**
   * Maps the answer; the first of the provider's answer rules that matches decides what it means
   * (a Slack {@code 200 {"ok": false}} is a rejected credential), else its status does.
   */
  ToolResult map(UpstreamResponse response, Redactor redactor, List<AnswerRule> rules) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    // a capped body may end with the first part of a secret: redactCut drops such an end
    String text = response.truncated() ? redactor.redactCut(body) : redactor.redact(body);
    int status = response.status();
    JsonNode parsed = rules.isEmpty() ? null : parsed(response, body, redactor);
    Optional<AnswerRule> rule = AnswerRules.first(rules, status, response.headers(), parsed);
    AnswerVerdict verdict = rule.map(AnswerRule::verdict).orElseGet(() -> verdict(status));
    if (verdict == AnswerVerdict.OK) {
      return success(response, body, text, redactor);
    }
    // redacted whole before it is put on one line and cut, so the cut cannot split a secret
    String message = cap(rule.flatMap(r -> AnswerRules.text(parsed, r.reason())).map(redactor::redact)
        .or(() -> shortMessage(response, body, redactor)).orElse(text));
    return switch (verdict) {
      case REJECTED -> ToolResult.failure(Outcome.CREDENTIALS_REJECTED,
          "credentials rejected: the provider answered HTTP " + status + suffix(message), status);
      case RATE_LIMITED -> {
        String when = response.retryAfter().flatMap(RetryAfter::describe)
            .map(r -> "; retry after " + redactor.redact(r)).orElse("");
        yield ToolResult.failure(Outcome.RATE_LIMITED,
            "rate limited: the provider answered HTTP " + status + when + suffix(message), status);
      }
      case UNAVAILABLE -> ToolResult.failure(Outcome.UNREACHABLE,
          "provider unavailable: the provider answered HTTP " + status + suffix(message), status);
      default -> ToolResult.failure(Outcome.UPSTREAM_REJECTED_REQUEST,
          "the provider refused the request with HTTP " + status + suffix(message), status);
    };
  }

  /** What a status means without a rule. */
  private static AnswerVerdict verdict(int status) {
    if (status >= 200 && status < 300) {
      return AnswerVerdict.OK;
    }
    if (status == 401 || status == 403) {
      return AnswerVerdict.REJECTED;
    }
    if (status == 429) {
      return AnswerVerdict.RATE_LIMITED;
    }
    return status >= 500 ? AnswerVerdict.UNAVAILABLE : AnswerVerdict.REFUSED;
  }

  /** The body parsed and redacted, or null when it is not JSON (or was cut). */
  private JsonNode parsed(UpstreamResponse response, String body, Redactor redactor) {
    if (response.truncated() || body.isBlank()) {
      return null;
    }
    try {
      return redactor.redact(json.readTree(body));
    } catch (JacksonException e) {
      return null;
    }
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

  /**
   * The message picked out of a JSON error body, redacted after parsing decoded it; empty when the
   * body is not JSON or has none of the usual fields (the caller then uses the redacted text).
   */
  private Optional<String> shortMessage(UpstreamResponse response, String text, Redactor redactor) {
    if (!isJson(response.contentType()) || response.truncated()) {
      return Optional.empty();
    }
    try {
      JsonNode body = redactor.redact(json.readTree(text));
      for (String field : new String[] {"message", "error_description", "error", "detail", "title"}) {
        JsonNode value = body.path(field);
        if (value.isString() && !value.asString().isBlank()) {
          return Optional.of(value.asString());
        }
        if (value.isObject() && value.path("message").isString()) {
          return Optional.of(value.path("message").asString());
        }
      }
      // Jira: {"errorMessages": ["…"], "errors": {"field": "…"}}; others: {"errors": [{"message": "…"}]}
      List<String> messages = new ArrayList<>();
      body.path("errorMessages").forEach(m -> addText(m, messages));
      JsonNode errors = body.path("errors");
      if (errors.isObject()) {
        errors.properties().forEach(e -> {
          if (e.getValue().isString()) {
            messages.add(e.getKey() + ": " + e.getValue().asString());
          }
        });
      } else {
        errors.forEach(m -> addText(m.isObject() ? m.path("message") : m, messages));
      }
      return messages.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", messages));
    } catch (JacksonException e) {
      return Optional.empty(); // not JSON after all: the caller uses the text
    }
  }

  private static void addText(JsonNode node, List<String> out) {
    if (node.isString() && !node.asString().isBlank()) {
      out.add(node.asString());
    }
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
    String oneLine = s.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MESSAGE_CHARS ? oneLine : oneLine.substring(0, MESSAGE_CHARS) + "…";
  }
}
