package dev.switchboard.upstream;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The result of one tool call, ready to become an MCP {@code CallToolResult}: a text for people
 * and models, optional structured JSON, whether it is an error, the upstream status when there was
 * one, the {@link Outcome}, and — for a remote MCP tool — the server's own content blocks. Texts
 * never contain secrets (they are redacted before this is made).
 *
 * @param content the {@code content} array of a remote MCP server's result, every block as the
 *     server sent it (type, data, annotations, {@code _meta}) with only secrets redacted; when
 *     present it is what the MCP caller receives, and {@link #text} is its summary for execution
 *     records and logs
 */
public record ToolResult(
    Outcome outcome, String text, Optional<JsonNode> structured, Optional<Integer> upstreamStatus,
    Optional<JsonNode> content) {

  public ToolResult {
    Objects.requireNonNull(outcome, "outcome");
    text = text == null ? "" : text;
    structured = structured == null ? Optional.empty() : structured;
    upstreamStatus = upstreamStatus == null ? Optional.empty() : upstreamStatus;
    content = content == null ? Optional.empty() : content.filter(JsonNode::isArray);
  }

  /** A result without content blocks of its own: its text is the one text block. */
  public ToolResult(Outcome outcome, String text, Optional<JsonNode> structured, Optional<Integer> upstreamStatus) {
    this(outcome, text, structured, upstreamStatus, Optional.empty());
  }

  /** True unless the outcome is {@link Outcome#OK}: the MCP {@code isError} flag. */
  public boolean isError() {
    return outcome != Outcome.OK;
  }

  /** The same result carrying the server's {@code content} blocks. */
  public ToolResult withContent(JsonNode blocks) {
    return new ToolResult(outcome, text, structured, upstreamStatus, Optional.ofNullable(blocks));
  }

  /** The same result with {@code newStructured} as its structured content. */
  public ToolResult withStructured(JsonNode newStructured) {
    return new ToolResult(outcome, text, Optional.ofNullable(newStructured), upstreamStatus, content);
  }

  public static ToolResult ok(String text, JsonNode structured, Integer status) {
    return new ToolResult(Outcome.OK, text, Optional.ofNullable(structured), Optional.ofNullable(status));
  }

  public static ToolResult failure(Outcome outcome, String message, Integer status) {
    return new ToolResult(outcome, message, Optional.empty(), Optional.ofNullable(status));
  }
}
