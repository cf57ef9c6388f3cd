package dev.switchboard.mcp;

/** What an MCP URL serves: one bundle ({@code /mcp/bundle/{slug}}) or the user's hub ({@code /mcp/hub}). */
public sealed interface McpTarget {
  /** A stable key, bound into session ids so that a session cannot move to another endpoint. */
  String key();

  /** One bundle. */
  record Bundle(String slug) implements McpTarget {
    @Override
    public String key() {
      return "bundle:" + slug;
    }
  }

  /** Every bundle the user enabled, through meta-tools. */
  record Hub() implements McpTarget {
    @Override
    public String key() {
      return "hub";
    }
  }
}
