package dev.switchboard.bundle;

import java.util.List;
import java.util.Optional;

/**
 * A bundle as one user may use it over MCP: the bundle and its tools resolved with the user's
 * bindings or current credentials. A snapshot for one request.
 */
public record BundleView(Bundle bundle, List<ResolvedTool> tools) {
  public BundleView {
    tools = List.copyOf(tools);
  }

  /** Only the tools the user can call now: what {@code tools/list} shows. */
  public List<ResolvedTool> available() {
    return tools.stream().filter(t -> t.availability().available()).toList();
  }

  public Optional<ResolvedTool> tool(String name) {
    return tools.stream().filter(t -> t.tool().name().equals(name)).findFirst();
  }
}
