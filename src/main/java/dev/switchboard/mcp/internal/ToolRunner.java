package dev.switchboard.mcp.internal;

import dev.switchboard.bundle.ResolvedTool;
import dev.switchboard.credential.CheckedCalls;
import dev.switchboard.credential.ToolCall;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.mcp.McpError;
import dev.switchboard.tool.ArgumentValidator;
import dev.switchboard.upstream.ToolResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one resolved tool for an MCP caller: an unavailable tool is a -32602 error that says why and
 * where to fix it; arguments that do not match the schema are an {@code isError} result naming the
 * fields (MCP 2025-11-25: input errors are tool results the model can correct).
 */
public final class ToolRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);
  private final CheckedCalls calls;
  private final ArgumentValidator validator;
  private final JsonMapper json;
  private final String baseUrl;

  public ToolRunner(CheckedCalls calls, ArgumentValidator validator, JsonMapper json, String baseUrl) {
    this.calls = calls;
    this.validator = validator;
    this.json = json;
    this.baseUrl = baseUrl;
  }

  /**
   * Runs {@code tool}; the call must be over by {@code deadline}. A limit reached (too many calls in
   * flight) is an {@code isError} result naming the limit. {@code progress} receives what a remote
   * MCP server reports of the call's progress.
   */
  public ObjectNode run(String userId, ResolvedTool tool, JsonNode arguments, String bundle, Instant deadline,
      Consumer<JsonNode> progress) {
    if (!tool.availability().available()) {
      throw McpError.invalidParams("tool " + tool.tool().name() + " is unavailable: "
          + tool.availability().reason().map(r -> r.name().toLowerCase().replace('_', ' ')).orElse("")
          + ". " + tool.availability().fix() + " Fix it at " + baseUrl + "/providers/" + tool.tool().provider());
    }
    JsonNode args = arguments == null || arguments.isNull() ? json.createObjectNode() : arguments;
    List<String> problems = validator.problems(tool.tool(), args);
    if (!problems.isEmpty()) {
      return error("invalid arguments for " + tool.tool().name() + ": " + String.join("; ", problems));
    }
    ToolResult result;
    try {
      result = calls.call(new ToolCall(userId, tool.tool(), args, tool.credential().orElseThrow(),
          Optional.ofNullable(bundle), Optional.of(deadline), progress));
    } catch (SwitchboardException e) {
      // Switchboard could not run it (a vault key missing, the credential just deleted): a result
      // the person can act on, not a protocol error; the message never holds a secret
      LOG.warn("tool call {} could not run: {}", tool.tool().name(), e.code());
      return error(tool.tool().name() + " could not run: " + e.getMessage() + " (" + e.code() + ")");
    }
    return toMcp(result);
  }

  /**
   * The MCP result: a remote MCP tool's own content blocks as its server sent them (redacted of
   * secrets only), otherwise the result's text as one text block.
   */
  ObjectNode toMcp(ToolResult result) {
    ObjectNode out = json.createObjectNode();
    if (result.content().isPresent()) {
      out.set("content", result.content().get());
    } else {
      out.putArray("content").addObject().put("type", "text").put("text", result.text());
    }
    result.structured().ifPresent(s -> out.set("structuredContent", s));
    out.put("isError", result.isError());
    return out;
  }

  ObjectNode error(String message) {
    ObjectNode out = json.createObjectNode();
    out.putArray("content").addObject().put("type", "text").put("text", message);
    out.put("isError", true);
    return out;
  }

  /** A JSON text result with the same JSON as structured content. */
  ObjectNode jsonResult(ObjectNode structured) {
    ObjectNode out = json.createObjectNode();
    out.putArray("content").addObject().put("type", "text").put("text", json.writeValueAsString(structured));
    out.set("structuredContent", structured);
    out.put("isError", false);
    return out;
  }
}
