package dev.switchboard.credential;

import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderKind;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.upstream.CallContext;
import dev.switchboard.upstream.RemoteRequests;
import dev.switchboard.vault.SealedPayload;
import dev.switchboard.vault.Vault;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Requests other than tool calls (resources, prompts, completion, logging) sent to a remote MCP
 * provider with one of the user's credentials, which is opened for each request and never kept.
 * Thread safe.
 */
public final class ProviderRequests {
  private final CredentialRows rows;
  private final ProviderRegistry providers;
  private final Vault vault;
  private final RemoteRequests remote;

  public ProviderRequests(CredentialRows rows, ProviderRegistry providers, Vault vault, RemoteRequests remote) {
    this.rows = rows;
    this.providers = providers;
    this.vault = vault;
    this.remote = remote;
  }

  /** Whether {@code slug} names a remote MCP provider (built-in and API providers have none of this). */
  public boolean isRemoteMcp(String slug) {
    return providers.find(slug).filter(p -> p.kind() == ProviderKind.MCP && p.builtin() == null).isPresent();
  }

  /**
   * The result of {@code method} at the credential's provider.
   *
   * @throws SwitchboardException when the credential is gone, the server refuses or is unreachable
   */
  public JsonNode send(Credential credential, String method, JsonNode params, Instant deadline) {
    Provider provider = providers.find(credential.provider())
        .filter(p -> p.kind() == ProviderKind.MCP && p.builtin() == null)
        .orElseThrow(() -> SwitchboardException.notFound("provider"));
    SealedPayload sealed = rows.jdbi().withHandle(h -> rows.payload(h, credential.userId(), credential.id()))
        .orElseThrow(() -> SwitchboardException.notFound("credential"));
    return remote.send(provider, credential.authMethod(), vault.open(credential.userId(), credential.id(), sealed),
        new CallContext(credential.userId(), credential.id(), deadline), method, params);
  }
}
