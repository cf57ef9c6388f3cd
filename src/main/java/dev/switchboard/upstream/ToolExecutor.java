package dev.switchboard.upstream;

import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.SchemaField;
import dev.switchboard.tool.BuiltinCall;
import dev.switchboard.tool.HttpOperation;
import dev.switchboard.tool.McpToolCall;
import dev.switchboard.tool.Tool;
import dev.switchboard.upstream.internal.HttpToolCall;
import dev.switchboard.vault.SecretFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Executes a tool with already validated arguments and a decrypted credential (DESIGN.md §2, the
 * upstream step): dispatches on the closed set of recipes. Never throws for upstream trouble: the
 * result's {@link Outcome} tells the caller's mistake from a rejected credential from an unreachable
 * provider. Thread safe.
 */
public final class ToolExecutor {
  private final HttpToolCall http;
  private final Map<String, BuiltinToolset> builtins;

  public ToolExecutor(HttpToolCall http, Map<String, BuiltinToolset> builtins) {
    this.http = http;
    this.builtins = Map.copyOf(builtins);
  }

  public ToolResult execute(Provider provider, Tool tool, JsonNode args, AuthMethodType authMethod,
      SecretFields secrets, CallContext context) {
    try {
      if (tool.recipe() instanceof HttpOperation op) {
        return http.run(provider, method(provider, authMethod), op, args, secrets,
            secretValues(provider, authMethod, secrets), context);
      }
      if (tool.recipe() instanceof BuiltinCall call) {
        return builtin(call).call(provider, call.operation(), args, secrets, context);
      }
      McpToolCall call = (McpToolCall) tool.recipe();
      return ToolResult.failure(Outcome.UNREACHABLE, "the remote MCP tool " + call.upstreamName()
          + " cannot be reached: remote MCP providers are not connected yet", null);
    } catch (OutboundBlockedException e) {
      return ToolResult.failure(Outcome.BLOCKED, e.getMessage(), null);
    } catch (UpstreamUnavailableException e) {
      return ToolResult.failure(Outcome.UNREACHABLE, "provider unreachable: " + e.getMessage(), null);
    } catch (SwitchboardException e) {
      return ToolResult.failure(Outcome.INVALID_ARGUMENTS, e.getMessage(), null);
    }
  }

  private BuiltinToolset builtin(BuiltinCall call) {
    BuiltinToolset toolset = builtins.get(call.toolset());
    if (toolset == null) {
      throw new IllegalStateException("no built-in tool set " + call.toolset());
    }
    return toolset;
  }

  private static AuthMethod method(Provider provider, AuthMethodType type) {
    return provider.authMethod(type).orElseThrow(() ->
        SwitchboardException.invalid("auth_method_not_supported", provider.name() + " no longer offers " + type));
  }

  /** The values that must never come back in a result text: every secret field, and OAuth tokens. */
  private static List<String> secretValues(Provider provider, AuthMethodType type, SecretFields secrets) {
    List<String> values = new ArrayList<>();
    for (SchemaField field : provider.fieldsFor(type)) {
      if (field.secret()) {
        secrets.get(field.name()).ifPresent(values::add);
      }
    }
    secrets.get("access_token").ifPresent(values::add);
    secrets.get("refresh_token").ifPresent(values::add);
    return values;
  }
}
