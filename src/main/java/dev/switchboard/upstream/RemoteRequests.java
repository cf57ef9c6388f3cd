package dev.switchboard.upstream;

import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.SchemaField;
import dev.switchboard.upstream.internal.RemoteAuth;
import dev.switchboard.vault.SecretFields;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The requests other than tools of a remote MCP provider (resources, prompts, completion,
 * logging), sent with a decrypted credential the same way tool calls are, on the connection kept
 * for the provider and credential. Neither the result nor an error message repeats a secret.
 * Thread safe.
 */
public final class RemoteRequests {
  private final RemoteMcp remote;

  public RemoteRequests(RemoteMcp remote) {
    this.remote = remote;
  }

  /**
   * The result of {@code method} with {@code params} at {@code provider}'s server.
   *
   * @throws RemoteMcpException when the server rejects the credential or refuses the request
   * @throws UpstreamUnavailableException when it cannot be reached by the context's deadline
   * @throws OutboundBlockedException when the guard refuses its URL
   */
  public JsonNode send(Provider provider, AuthMethodType authMethod, SecretFields secrets, CallContext context,
      String method, JsonNode params) {
    RemoteAuth auth = RemoteAuth.of(provider, provider.authMethod(authMethod).orElseThrow(() ->
        SwitchboardException.invalid("auth_method_not_supported", provider.name() + " no longer offers "
            + authMethod)), secrets);
    Redactor redactor = Redactor.builder().secrets(secretValues(provider, authMethod, secrets))
        .headers(auth.headers()).build();
    try {
      return redactor.redact(remote.request(provider.withUpstreamUrl(auth.url()), auth.headers(),
          RemoteMcp.cacheKey(provider.slug(), context.credentialId()), method, params, context.deadline()));
    } catch (RemoteMcpException e) {
      throw e.withMessage(redactor.redact(e.getMessage()));
    }
  }

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
