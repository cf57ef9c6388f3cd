package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.RemoteMcpException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The failure an HTTP status of an MCP server means, as for HTTP tools: 401/403 the credential was
 * rejected, 429 rate limited, 5xx the provider is unavailable, another status a refused request.
 * The message quotes the server's own short explanation (a JSON-RPC error message, or plain text;
 * never HTML pages).
 */
final class McpStatus {
  private McpStatus() {}

  static RemoteMcpException failure(String method, ResponseHead head, byte[] body, JsonMapper json) {
    int status = head.status();
    String said = explanation(head, body, json);
    if (said.isEmpty() && (status == 401 || status == 403)) {
      said = challenged(head);
    }
    String suffix = said.isEmpty() ? "" : ": " + said;
    if (status == 401 || status == 403) {
      return new RemoteMcpException(Outcome.CREDENTIALS_REJECTED,
          "credentials rejected: the MCP server answered HTTP " + status + suffix, status);
    }
    if (status == 429) {
      String when = head.header("Retry-After").flatMap(RetryAfter::describe).map(r -> "; retry after " + r).orElse("");
      return new RemoteMcpException(Outcome.RATE_LIMITED,
          "rate limited: the MCP server answered HTTP 429" + when + suffix, status);
    }
    if (status >= 500) {
      return new RemoteMcpException(Outcome.UNREACHABLE,
          "provider unavailable: the MCP server answered HTTP " + status + suffix, status);
    }
    return new RemoteMcpException(Outcome.UPSTREAM_REJECTED_REQUEST,
        "the MCP server refused " + method + " with HTTP " + status + suffix, status);
  }

  private static final Pattern CHALLENGE = Pattern.compile("(error_description|error)=\"([^\"]{1,300})\"");

  /**
   * The reason of a Bearer challenge (RFC 6750 §3: {@code WWW-Authenticate: Bearer error="invalid_token",
   * error_description="The access token expired"}): the description, else the error code; or "".
   */
  static String challenged(ResponseHead head) {
    String challenge = head.header("WWW-Authenticate").orElse("");
    String description = "";
    String error = "";
    Matcher m = CHALLENGE.matcher(challenge);
    while (m.find()) {
      if (m.group(1).equals("error_description")) {
        description = m.group(2);
      } else {
        error = m.group(2);
      }
    }
    return Texts.oneLine(description.isEmpty() ? error : description);
  }

  private static String explanation(ResponseHead head, byte[] body, JsonMapper json) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (head.isJson()) {
      try {
        JsonNode parsed = json.readTree(text);
        for (JsonNode candidate : new JsonNode[] {parsed.path("error").path("message"),
            parsed.path("error_description"), parsed.path("message"), parsed.path("error")}) {
          if (candidate.isString() && !candidate.asString().isBlank()) {
            return Texts.oneLine(candidate.asString());
          }
        }
      } catch (JacksonException e) {
        // not JSON after all: quote the text
      }
    }
    return head.mediaType().equals("text/plain") ? Texts.oneLine(text) : "";
  }
}
