package dev.switchboard.mcp.internal;

import dev.switchboard.bundle.BundleView;
import dev.switchboard.bundle.ResolvedTool;
import dev.switchboard.mcp.McpError;
import dev.switchboard.tool.SchemaBounds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DIRECT bundle: its available tools, listed and called by name. Definitions are written once
 * ({@link WrittenDefinitions}). Input
 * schemas above the size limit are advertised simplified ({@link SchemaBounds}); when one is, the
 * list also offers {@value #DESCRIBE}, which gives a tool's full definition (unless a tool of the
 * bundle has that name).
 */
public final class DirectSurface implements ToolSurface {
  static final String DESCRIBE = "describe_tool";
  private final BundleView view;
  private final ToolRunner runner;
  private final JsonMapper json;
  private final String userId;
  private final WrittenDefinitions written;
  private final SchemaBounds bounds;
  private volatile List<JsonNode> definitions;

  public DirectSurface(BundleView view, ToolRunner runner, JsonMapper json, String userId, WrittenDefinitions written) {
    this.view = view;
    this.runner = runner;
    this.json = json;
    this.userId = userId;
    this.written = written;
    this.bounds = written.bounds();
  }

  @Override
  public List<JsonNode> tools() {
    List<JsonNode> known = definitions;
    if (known == null) {
      List<JsonNode> list = new ArrayList<>();
      view.available().forEach(t -> list.add(written.advertised(t.tool())));
      if (offersDescribe()) {
        ObjectNode schema = json.createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("name").put("type", "string").put("description", "The tool's name");
        schema.putArray("required").add("name");
        list.add(ToolDefinitions.meta(json, DESCRIBE, "Describe a tool",
            "Show one tool's description and full input schema (tools/list simplifies large ones).", schema));
      }
      known = List.copyOf(list);
      definitions = known;
    }
    return known;
  }

  private boolean offersDescribe() {
    return view.tool(DESCRIBE).isEmpty() && view.available().stream().anyMatch(t -> bounds.simplified(t.tool()));
  }

  @Override
  public ObjectNode call(String name, JsonNode arguments, Instant deadline, Consumer<JsonNode> progress) {
    if (DESCRIBE.equals(name) && offersDescribe()) {
      JsonNode described = arguments == null ? null : arguments.get("name");
      String toolName = described != null && described.isString() ? described.asString() : "";
      ResolvedTool tool = view.tool(toolName).filter(t -> view.available().contains(t))
          .orElseThrow(() -> McpError.invalidParams("unknown tool '" + toolName + "': tools/list shows what the bundle "
              + view.bundle().slug() + " offers"));
      return runner.jsonResult(ToolDefinitions.of(json, tool.tool()));
    }
    ResolvedTool tool = view.tool(name).orElseThrow(() -> McpError.invalidParams("unknown tool '" + name
        + "': the bundle " + view.bundle().slug() + " has no such tool; tools/list shows what it offers"));
    return runner.run(userId, tool, arguments, view.bundle().slug(), deadline, progress);
  }
}
