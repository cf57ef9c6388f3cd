package dev.switchboard.mcp.internal;

import dev.switchboard.bundle.BundleView;
import dev.switchboard.bundle.ResolvedTool;
import dev.switchboard.mcp.McpError;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A DIRECT bundle: its available tools, listed and called by name. Definitions are built once. */
public final class DirectSurface implements ToolSurface {
  private final BundleView view;
  private final ToolRunner runner;
  private final JsonMapper json;
  private final String userId;
  private volatile List<ObjectNode> definitions;

  public DirectSurface(BundleView view, ToolRunner runner, JsonMapper json, String userId) {
    this.view = view;
    this.runner = runner;
    this.json = json;
    this.userId = userId;
  }

  @Override
  public List<ObjectNode> tools() {
    List<ObjectNode> known = definitions;
    if (known == null) {
      known = view.available().stream().map(t -> ToolDefinitions.of(json, t.tool())).toList();
      definitions = known;
    }
    return known;
  }

  @Override
  public ObjectNode call(String name, JsonNode arguments, Instant deadline, Consumer<JsonNode> progress) {
    ResolvedTool tool = view.tool(name).orElseThrow(() -> McpError.invalidParams("unknown tool '" + name
        + "': the bundle " + view.bundle().slug() + " has no such tool; tools/list shows what it offers"));
    return runner.run(userId, tool, arguments, view.bundle().slug(), deadline, progress);
  }
}
