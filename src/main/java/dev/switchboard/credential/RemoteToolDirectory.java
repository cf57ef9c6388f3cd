package dev.switchboard.credential;

import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderKind;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.tool.Tool;
import dev.switchboard.upstream.CallContext;
import dev.switchboard.upstream.OutboundBlockedException;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.RemoteMcpException;
import dev.switchboard.upstream.ToolExecutor;
import dev.switchboard.upstream.ToolResult;
import dev.switchboard.upstream.UpstreamUnavailableException;
import dev.switchboard.vault.SealedPayload;
import dev.switchboard.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tools of remote MCP providers, which depend on the user's credential (DESIGN.md §3): listed
 * from the server with that credential and cached per provider and credential by the upstream
 * client. A server that cannot be reached lists no tools; the reason is logged, not thrown, so that
 * a bundle's other tools stay usable.
 */
public final class RemoteToolDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteToolDirectory.class);
  private final CredentialRows rows;
  private final ProviderRegistry providers;
  private final Vault vault;
  private final ToolExecutor executor;
  private final Clock clock;
  private final Duration timeout;

  public RemoteToolDirectory(CredentialRows rows, ProviderRegistry providers, Vault vault, ToolExecutor executor,
      Clock clock, Duration timeout) {
    this.rows = rows;
    this.providers = providers;
    this.vault = vault;
    this.executor = executor;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** Whether a tool name belongs to a remote MCP provider ({@code {slug}_…}). */
  public Optional<Provider> remoteProviderOf(String toolName) {
    return providers.all().stream().filter(p -> p.kind() == ProviderKind.MCP && p.builtin() == null)
        .filter(p -> toolName.startsWith(p.slug() + "_")).findFirst();
  }

  /** The provider's tools as this credential sees them; empty when the server cannot be asked. */
  public List<Tool> tools(Credential credential) {
    return list(credential).tools();
  }

  /**
   * What the server lists for this credential, or why it could not: rejected (401/403), unreachable,
   * blocked by the outbound guard; the reason is the upstream's, redacted.
   */
  public Listing list(Credential credential) {
    Provider provider = providers.find(credential.provider()).orElse(null);
    if (provider == null || provider.kind() != ProviderKind.MCP || provider.builtin() != null) {
      return new Listing(List.of(), Optional.empty());
    }
    try {
      SealedPayload sealed = rows.jdbi().withHandle(h -> rows.payload(h, credential.userId(), credential.id()))
          .orElseThrow(() -> SwitchboardException.notFound("credential"));
      return new Listing(executor.remoteTools(provider, credential.authMethod(),
          vault.open(credential.userId(), credential.id(), sealed),
          new CallContext(credential.userId(), credential.id(), clock.instant().plus(timeout))), Optional.empty());
    } catch (RemoteMcpException e) {
      LOG.warn("cannot list the tools of {}: {}", provider.slug(), e.getMessage());
      return failed(e.outcome(), e.getMessage(), e.status().orElse(null));
    } catch (UpstreamUnavailableException e) {
      LOG.warn("cannot list the tools of {}: {}", provider.slug(), e.getMessage());
      return failed(e.outcome(), e.resultText(), null);
    } catch (OutboundBlockedException e) {
      LOG.warn("cannot list the tools of {}: {}", provider.slug(), e.getMessage());
      return failed(Outcome.BLOCKED, e.getMessage(), null);
    } catch (SwitchboardException e) {
      LOG.warn("cannot list the tools of {}: {}", provider.slug(), e.getMessage());
      return new Listing(List.of(), Optional.empty());
    }
  }

  private static Listing failed(Outcome outcome, String message, Integer status) {
    return new Listing(List.of(), Optional.of(ToolResult.failure(outcome, message, status)));
  }

  /** The tools a server listed, or the failure that kept it from listing them. */
  public record Listing(List<Tool> tools, Optional<ToolResult> failure) {}

  public Optional<Tool> find(Credential credential, String name) {
    return tools(credential).stream()
        .filter(t -> t.name().equals(name) || t.localName().equals(name)).findFirst();
  }
}
