package dev.switchboard.upstream;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The result of one tool call, ready to become an MCP {@code CallToolResult}: a text for people
 * and models, optional structured JSON, whether it is an error, the upstream status when there was
 * one, and the {@link Outcome}. Texts never contain secrets (they are redacted before this is made).
 */
public record ToolResult(
    Outcome outcome, String text, Optional<JsonNode> structured, Optional<Integer> upstreamStatus) {

  public ToolResult {
    Objects.requireNonNull(outcome, "outcome");
    text = text == null ? "" : text;
  }

  /** True unless the outcome is {@link Outcome#OK}: the MCP {@code isError} flag. */
  public boolean isError() {
    return outcome != Outcome.OK;
  }

  public static ToolResult ok(String text, JsonNode structured, Integer status) {
    return new ToolResult(Outcome.OK, text, Optional.ofNullable(structured), Optional.ofNullable(status));
  }

  public static ToolResult failure(Outcome outcome, String message, Integer status) {
    return new ToolResult(outcome, message, Optional.empty(), Optional.ofNullable(status));
  }
}
