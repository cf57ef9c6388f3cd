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
import dev.switchboard.upstream.internal.RemoteAuth;
import dev.switchboard.vault.SecretFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Executes a tool with already validated arguments and a decrypted credential (DESIGN.md §2, the
 * upstream step): dispatches on the closed set of recipes. Never throws for upstream trouble: the
 * result's {@link Outcome} tells the caller's mistake from a rejected credential from an unreachable
 * provider. Thread safe.
 */
public final class ToolExecutor {
  /** Refusals of the provider's {@code UrlTemplate}: a templated URL the credential cannot fill. */
  private static final Set<String> CREDENTIAL_VALUE_CODES = Set.of("missing_url_value", "invalid_url_value");
  private final HttpToolCall http;
  private final RemoteMcp remote;
  private final Map<String, BuiltinToolset> builtins;

  public ToolExecutor(HttpToolCall http, RemoteMcp remote, Map<String, BuiltinToolset> builtins) {
    this.http = http;
    this.remote = remote;
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
      RemoteAuth auth = RemoteAuth.of(provider, method(provider, authMethod), secrets);
      Redactor redactor = Redactor.builder().secrets(secretValues(provider, authMethod, secrets))
          .headers(auth.headers()).build();
      ToolResult result = remote.call(provider.withUpstreamUrl(auth.url()), auth.headers(),
          RemoteMcp.cacheKey(provider.slug(), context.credentialId()), call.upstreamName(), args,
          context.deadline(), update -> context.progress().accept(redactor.redact(update)));
      return redactor.redact(result);
    } catch (OutboundBlockedException e) {
      return ToolResult.failure(Outcome.BLOCKED, e.getMessage(), null);
    } catch (UpstreamUnavailableException e) {
      return ToolResult.failure(e.outcome(), e.resultText(), null);
    } catch (SwitchboardException e) {
      // a URL the credential's values cannot fill is the credential's fault, not the caller's arguments'
      Outcome outcome = CREDENTIAL_VALUE_CODES.contains(e.code()) ? Outcome.CREDENTIALS_REJECTED
          : Outcome.INVALID_ARGUMENTS;
      return ToolResult.failure(outcome, e.getMessage(), null);
    }
  }

  /**
   * The tools of a remote MCP provider as this credential sees them, discovered with its auth the
   * same way calls are made, and cached per provider and credential ({@link RemoteMcp#tools}).
   *
   * @throws RemoteMcpException when the server rejects the credential, fails, or breaks the protocol
   * @throws UpstreamUnavailableException when it cannot be reached by the context's deadline
   * @throws OutboundBlockedException when the guard refuses its URL
   */
  public List<Tool> remoteTools(Provider provider, AuthMethodType authMethod, SecretFields secrets,
      CallContext context) {
    RemoteAuth auth = RemoteAuth.of(provider, method(provider, authMethod), secrets);
    try {
      return remote.tools(provider.withUpstreamUrl(auth.url()), auth.headers(),
          RemoteMcp.cacheKey(provider.slug(), context.credentialId()), context.deadline());
    } catch (RemoteMcpException e) {
      throw e.withMessage(Redactor.builder().secrets(secretValues(provider, authMethod, secrets))
          .headers(auth.headers()).build().redact(e.getMessage()));
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

  /**
   * The values that must never come back in a result: every secret field, and the OAuth tokens
   * (access and refresh) whatever the provider's schema says.
   */
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
