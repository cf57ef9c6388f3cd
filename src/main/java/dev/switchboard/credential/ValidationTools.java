package dev.switchboard.credential;

import dev.switchboard.provider.Provider;
import dev.switchboard.tool.BuiltinCall;
import dev.switchboard.tool.HttpOperation;
import dev.switchboard.tool.McpToolCall;
import dev.switchboard.tool.Tool;

/**
 * Which tools may test a credential (docs/credentials.md): the provider's declared validation tool
 * (the catalog vouches for it, e.g. Slack's {@code auth.test} is a POST), and tools that only read —
 * HTTP operations with GET or HEAD, the built-in tools (the calculator computes, the PostgreSQL
 * tools run in read-only transactions), and remote MCP tools unless their server annotates them
 * {@code readOnlyHint: false}. A validation never runs a write ("Create a campaign"). Stateless.
 */
public final class ValidationTools {
  private ValidationTools() {}

  /** Whether {@code tool} may be run as a validation of a credential of {@code provider}. */
  public static boolean allowed(Provider provider, Tool tool) {
    return isDefault(provider, tool) || readOnly(tool);
  }

  /** Whether the tool is the provider's declared validation tool. */
  public static boolean isDefault(Provider provider, Tool tool) {
    return provider.validation() != null && provider.validation().tool().equals(tool.localName());
  }

  /** Whether the tool only reads, as far as Switchboard can tell. */
  public static boolean readOnly(Tool tool) {
    if (tool.recipe() instanceof HttpOperation op) {
      return op.method().equals("GET") || op.method().equals("HEAD");
    }
    if (tool.recipe() instanceof McpToolCall mcp) {
      return mcp.readOnlyHint().orElse(true);
    }
    return tool.recipe() instanceof BuiltinCall;
  }
}
