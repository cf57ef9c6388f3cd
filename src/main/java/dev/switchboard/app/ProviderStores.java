package dev.switchboard.app;

import dev.switchboard.admin.ProviderAdmin;
import dev.switchboard.admin.internal.ProviderRows;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.audit.Notifications;
import dev.switchboard.bundle.AttentionWatcher;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.bundle.internal.BundleRows;
import dev.switchboard.credential.CredentialEvents;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.CurrentCredential;
import dev.switchboard.credential.RemoteToolDirectory;
import dev.switchboard.credential.TokenStore;
import dev.switchboard.credential.internal.CredentialMapper;
import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.oauth.EndpointResolver;
import dev.switchboard.oauth.Revoker;
import dev.switchboard.oauth.internal.TokenClient;
import dev.switchboard.provider.Catalog;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.store.ClusterSignals;
import dev.switchboard.store.Database;
import dev.switchboard.tool.ToolCatalog;
import dev.switchboard.upstream.NameLookup;
import dev.switchboard.upstream.OutboundGuard;
import dev.switchboard.upstream.OutboundHttp;
import dev.switchboard.upstream.OutboundPolicy;
import dev.switchboard.upstream.RemoteMcp;
import dev.switchboard.upstream.SelfAddress;
import dev.switchboard.upstream.ToolExecutor;
import dev.switchboard.upstream.internal.HttpToolCall;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code provider import} and {@code provider delete} open: the stored catalog, the bundles'
 * rows, the credentials with their revocation at the provider, and the outbound client, which
 * starts only when a command needs it (a document fetched from a URL, a credential revoked). No web
 * server, MCP server, tool surfaces, refresh sweep or health checks, and no stored provider's
 * document or tools are read; the command line skips Flyway when the schema is current.
 * {@link Switchboard} wires the same classes the same way for the server.
 */
final class ProviderStores implements AutoCloseable {
  final ProviderAdmin admin;
  final JsonMapper json;
  private final OutboundHttp outbound;
  private final RemoteMcp remoteMcp;
  private final ClusterSignals signals;
  private final AttentionWatcher attention;
  private final Credentials credentials;

  ProviderStores(Settings settings, Clock clock, JsonMapper json, Database database) {
    this.json = json;
    Catalog shipped = Catalog.load(json, settings.baseUrlOverrides())
        .withAuthUrlOverrides(settings.authUrlOverrides());
    ProviderRegistry catalog = new ProviderRegistry(shipped);
    CredentialRows credentialRows = new CredentialRows(database.jdbi(), new CredentialMapper(json, catalog));
    VaultStores vault = new VaultStores(settings, clock, json, database, credentialRows, false);
    Notifications notifications = new Notifications(database.jdbi(), clock);
    AuditTrail audit = new AuditTrail(database.jdbi(), clock);
    // servers learn of a change from pg_notify on PostgreSQL; on SQLite from their catalog poll
    // (two seconds) and from their kept surfaces and payloads expiring (one second)
    this.signals = new ClusterSignals(database, settings.dbUrl(), settings.dbUser(),
        settings.dbPassword(), message -> { });
    CurrentCredential currentRule = new CurrentCredential(credentialRows, catalog, notifications);
    ToolCatalog tools = ToolCatalog.build(shipped, List.of());
    OutboundGuard guard = new OutboundGuard(OutboundPolicy.parse(settings.outboundAllow()), NameLookup.system(),
        SelfAddress.of(settings.host(), settings.port(), settings.baseUrl()));
    this.outbound = new OutboundHttp(guard, clock, settings.limits().connectionsPerHost());
    this.remoteMcp = new RemoteMcp(guard, json, clock);
    RemoteToolDirectory remoteTools = new RemoteToolDirectory(credentialRows, catalog, vault.vault,
        new ToolExecutor(new HttpToolCall(outbound, json, settings.maxResponseBytes()), remoteMcp, Map.of()),
        clock, settings.callTimeout());
    BundleRows bundleRows = new BundleRows(database.jdbi());
    CredentialEvents events = this::changed;
    TokenStore tokenStore = new TokenStore(credentialRows, vault.vault, clock, events, currentRule, audit);
    EndpointResolver endpoints = new EndpointResolver(outbound, guard, json, clock);
    this.credentials = new Credentials(credentialRows, catalog, events, currentRule, audit,
        new Revoker(catalog, vault.oauthApps, endpoints, new TokenClient(outbound, guard, json, clock), notifications,
            tokenStore));
    Bundles bundles = new Bundles(bundleRows, tools, credentials, remoteTools, clock);
    this.attention = new AttentionWatcher(bundles, bundleRows, credentials, notifications);
    this.admin = new ProviderAdmin(new ProviderRows(database.jdbi()), shipped, catalog, tools, credentials,
        bundles, guard, outbound, json, clock, settings.maxDocumentBytes());
    admin.refresh();
    admin.onChange(() -> signals.publish("catalog"));
  }

  /** After a credential change (erased with its provider): as {@link Switchboard} does, minus its own caches. */
  private void changed(String userId, String credentialId) {
    attention.check(userId);
    signals.publish("credential " + userId + " " + credentialId);
  }

  /** Starts the outbound client: before fetching a document. */
  void startOutbound() {
    outbound.start();
  }

  /**
   * Starts the outbound client when {@code provider} has credentials, which are revoked at the
   * provider before they are erased; a provider without any is deleted without starting it. (A
   * credential added meanwhile by a server is still erased; its revocation is then reported as
   * failed, as for an unreachable provider.)
   */
  void startOutboundToRevoke(String provider) {
    if (!credentials.usersOf(provider).isEmpty()) {
      outbound.start();
    }
  }

  @Override
  public void close() {
    remoteMcp.close();
    outbound.close();
  }
}
