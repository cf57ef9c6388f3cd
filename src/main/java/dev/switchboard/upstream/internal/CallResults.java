package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * Turns the result of a remote {@code tools/call} (MCP 2025-11-25, "Tools") into a tool result that
 * carries the server's {@code content} blocks unchanged (every type, annotations, {@code _meta}) and
 * its {@code structuredContent} when it is an object, for the MCP caller; its text — the text
 * blocks joined by line feeds, other blocks summarised in place ({@code [image/png, 1234 bytes]}) —
 * is what execution records and logs show. A result with {@code isError: true} is
 * {@link Outcome#UPSTREAM_REJECTED_REQUEST}, with its blocks too. Stateless.
 */
public final class CallResults {
  private CallResults() {}

  public static ToolResult of(JsonNode result) {
    JsonNode content = result.path("content");
    String text = text(content);
    JsonNode structured = result.get("structuredContent");
    JsonNode kept = structured != null && structured.isObject() ? structured : null;
    JsonNode blocks = content.isArray() ? content : null;
    if (result.path("isError").asBoolean(false)) {
      return ToolResult.failure(Outcome.UPSTREAM_REJECTED_REQUEST,
          text.isBlank() ? "the remote tool reported an error without a message" : text, null)
          .withStructured(kept).withContent(blocks);
    }
    return ToolResult.ok(text, kept, null).withContent(blocks);
  }

  static String text(JsonNode content) {
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(block.path("type").asString("").equals("text")
          ? block.path("text").asString("") : summary(block));
    }
    return text.toString();
  }

  /** One line for a block that is not text: what it is and how big. */
  static String summary(JsonNode block) {
    String type = block.path("type").asString("");
    switch (type) {
      case "image":
      case "audio":
        return "[" + block.path("mimeType").asString(type) + ", " + base64Bytes(block.path("data"))
            + " bytes]";
      case "resource_link":
        return "[resource link " + block.path("uri").asString("") + "]";
      case "resource": {
        JsonNode resource = block.path("resource");
        long bytes = resource.has("text")
            ? resource.path("text").asString("").getBytes(StandardCharsets.UTF_8).length
            : base64Bytes(resource.path("blob"));
        String mime = resource.path("mimeType").asString("");
        return "[resource " + resource.path("uri").asString("") + (mime.isEmpty() ? "" : ", " + mime)
            + ", " + bytes + " bytes]";
      }
      default:
        return "[" + (type.isEmpty() ? "unknown" : type) + " content]";
    }
  }

  /** The decoded size of Base64 text, without decoding it. */
  static long base64Bytes(JsonNode data) {
    String text = data.asString("").strip();
    int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
    return Math.max(0, (long) text.length() * 3 / 4 - padding);
  }
}
