package dev.switchboard.mcp;

/** The {@code instructions} an endpoint gives the model at the start. */
final class Instructions {
  private Instructions() {}

  static String of(McpTarget target) {
    if (target instanceof McpTarget.Bundle b) {
      return "Tools of the Switchboard bundle '" + b.slug() + "'. Each tool runs with the caller's own "
          + "credential; a tool missing from tools/list is not ready for this user (see the dashboard).";
    }
    return "Your Switchboard hub: list_bundles shows your enabled bundles; search_tools, describe_tool "
        + "and call_tool reach their tools.";
  }
}
