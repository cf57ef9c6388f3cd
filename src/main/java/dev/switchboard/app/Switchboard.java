package dev.switchboard.app;

import dev.switchboard.account.AccessTokens;
import dev.switchboard.account.Accounts;
import dev.switchboard.account.Sessions;
import dev.switchboard.account.Users;
import dev.switchboard.admin.ProviderAdmin;
import dev.switchboard.admin.ProviderHealth;
import dev.switchboard.admin.internal.ProviderRows;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.audit.Execution;
import dev.switchboard.audit.Executions;
import dev.switchboard.audit.Metrics;
import dev.switchboard.audit.Notifications;
import dev.switchboard.audit.internal.ExecutionRows;
import dev.switchboard.authserver.AuthorizationServer;
import dev.switchboard.authserver.ResourceNames;
import dev.switchboard.authserver.internal.AddressLimits;
import dev.switchboard.authserver.internal.ClientRows;
import dev.switchboard.authserver.internal.GrantRows;
import dev.switchboard.authserver.internal.GrantTokenRows;
import dev.switchboard.authserver.internal.MetadataDocuments;
import dev.switchboard.bundle.AttentionWatcher;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.bundle.internal.BundleRows;
import dev.switchboard.calculator.CalculatorToolset;
import dev.switchboard.credential.CallLimits;
import dev.switchboard.credential.CheckedCalls;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialCalls;
import dev.switchboard.credential.CredentialCreation;
import dev.switchboard.credential.CredentialEvents;
import dev.switchboard.credential.CredentialFilter;
import dev.switchboard.credential.CredentialVerifier;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.CurrentCredential;
import dev.switchboard.credential.PayloadRotation;
import dev.switchboard.credential.ProviderRequests;
import dev.switchboard.credential.RemoteToolDirectory;
import dev.switchboard.credential.TokenStore;
import dev.switchboard.credential.internal.CredentialMapper;
import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.mcp.ClientStreams;
import dev.switchboard.mcp.ClusterRelay;
import dev.switchboard.mcp.ListChangedBroker;
import dev.switchboard.mcp.McpServer;
import dev.switchboard.mcp.OtherInstances;
import dev.switchboard.mcp.RelayedNotices;
import dev.switchboard.mcp.SessionTokens;
import dev.switchboard.mcp.SingleInstance;
import dev.switchboard.mcp.internal.Cursors;
import dev.switchboard.mcp.internal.EndedSessions;
import dev.switchboard.mcp.internal.ProviderFeatures;
import dev.switchboard.mcp.internal.RelayRows;
import dev.switchboard.mcp.internal.SurfaceFactory;
import dev.switchboard.mcp.internal.ToolRunner;
import dev.switchboard.oauth.EndpointResolver;
import dev.switchboard.oauth.OAuthApps;
import dev.switchboard.oauth.OAuthFlow;
import dev.switchboard.oauth.RefreshSweep;
import dev.switchboard.oauth.Revoker;
import dev.switchboard.oauth.TokenRefresher;
import dev.switchboard.oauth.internal.States;
import dev.switchboard.oauth.internal.TokenClient;
import dev.switchboard.provider.Catalog;
import dev.switchboard.provider.DsnScheme;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.sql.SqlToolset;
import dev.switchboard.store.ClusterSignals;
import dev.switchboard.store.Database;
import dev.switchboard.store.Dialect;
import dev.switchboard.store.WriteBehind;
import dev.switchboard.tool.ArgumentValidator;
import dev.switchboard.tool.CuratedOpenApi;
import dev.switchboard.tool.SchemaBounds;
import dev.switchboard.tool.ToolCatalog;
import dev.switchboard.tool.ToolSource;
import dev.switchboard.upstream.BuiltinToolset;
import dev.switchboard.upstream.CurrentPeer;
import dev.switchboard.upstream.NameLookup;
import dev.switchboard.upstream.OutboundGuard;
import dev.switchboard.upstream.OutboundHttp;
import dev.switchboard.upstream.OutboundPolicy;
import dev.switchboard.upstream.RemoteMcp;
import dev.switchboard.upstream.RemoteRequests;
import dev.switchboard.upstream.SelfAddress;
import dev.switchboard.upstream.ToolExecutor;
import dev.switchboard.upstream.internal.HttpToolCall;
import dev.switchboard.vault.KeyringSource;
import dev.switchboard.vault.LoadedKeyring;
import dev.switchboard.vault.Vault;
import dev.switchboard.vault.VaultCounts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The composition root: builds every object of one Switchboard process from {@link Settings}, with
 * constructors, once. The command-line tools use it without the web server; {@code serve} adds it.
 */
public final class Switchboard implements AutoCloseable {
  /** The version reported to MCP clients. */
  public static final String VERSION = "0.1.0";
  final Settings settings;
  final Clock clock;
  final JsonMapper json;
  final Database database;
  final KeyringSource keySource;
  final LoadedKeyring loadedKeys;
  final Vault vault;
  final ProviderRegistry catalog;
  final Users users;
  final AccessTokens tokens;
  final Sessions sessions;
  final Accounts accounts;
  final Credentials credentials;
  final CredentialCreation creation;
  final PayloadRotation rotation;
  final OutboundHttp outbound;
  final RemoteMcp remoteMcp;
  final RemoteToolDirectory remoteTools;
  final ToolCatalog tools;
  final WriteBehind<Execution> records;
  final Executions executions;
  final Notifications notifications;
  final CredentialVerifier verifier;
  final Bundles bundles;
  final AttentionWatcher attention;
  final ListChangedBroker broker;
  final SurfaceFactory surfaces;
  final McpServer mcp;
  final List<SqlToolset> databases;
  final ProviderAdmin providerAdmin;
  final ClusterSignals signals;
  /** Where relays go when the client's stream is on another instance (several only on PostgreSQL). */
  final OtherInstances otherInstances;
  final ClientStreams clients;
  final AuditTrail audit;
  final Metrics metrics = new Metrics();
  final OAuthApps oauthApps;
  final OAuthFlow oauth;
  final TokenRefresher refresher;
  final AuthorizationServer authServer;
  /** Dynamic client registrations (RFC 7591) one address may make per hour. */
  private static final int REGISTRATIONS_PER_ADDRESS_PER_HOUR = 30;
  final RefreshSweep sweep;
  final ProviderHealth health;

  private void countVaultOperations() {
    String name = "switchboard.vault.operations";
    String description = "Vault operations by result";
    VaultCounts counts = vault.counts();
    metrics.counter(name, description, "result", "sealed", counts::sealed);
    metrics.counter(name, description, "result", "opened", counts::opened);
    metrics.counter(name, description, "result", "open_failed", counts::openFailed);
    metrics.counter(name, description, "result", "key_missing", counts::keyMissing);
  }

  private Switchboard(Settings settings, Clock clock, boolean createKeyFile) {
    this.settings = settings;
    this.clock = clock;
    this.json = JsonMapper.builder().findAndAddModules().build();
    Catalog shipped = Catalog.load(json, settings.baseUrlOverrides())
        .withAuthUrlOverrides(settings.authUrlOverrides());
    this.catalog = new ProviderRegistry(shipped);
    this.database = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
    try {
      AccountStores accountStores = new AccountStores(settings, clock, database);
      this.users = accountStores.users;
      this.tokens = accountStores.tokens;
      this.sessions = accountStores.sessions;
      CredentialRows credentialRows = new CredentialRows(database.jdbi(), new CredentialMapper(json, catalog));
      VaultStores vaultStores = new VaultStores(settings, clock, json, database, credentialRows, createKeyFile);
      this.keySource = vaultStores.keySource;
      this.loadedKeys = vaultStores.loadedKeys;
      this.vault = vaultStores.vault;
      this.rotation = vaultStores.rotation;
      this.oauthApps = vaultStores.oauthApps;
      this.signals = new ClusterSignals(database, settings.dbUrl(), settings.dbUser(), settings.dbPassword(),
          this::received);
      this.broker = new ListChangedBroker(json);
      ExecutionRows executionRows = new ExecutionRows(database.jdbi());
      this.records = new WriteBehind<>(database.jdbi(), executionRows::insertAll, Duration.ofMillis(100), 10_000);
      this.executions = new Executions(executionRows, records);
      this.notifications = new Notifications(database.jdbi(), clock);
      this.audit = new AuditTrail(database.jdbi(), clock);
      CredentialEvents events = this::changed;
      CurrentCredential currentRule = new CurrentCredential(credentialRows, catalog, notifications);
      this.creation = new CredentialCreation(credentialRows, catalog, vault, clock, events, audit);
      // The port is the real one: RunningServer resolves port 0 before the composition root is built.
      OutboundGuard guard = new OutboundGuard(OutboundPolicy.parse(settings.outboundAllow()), NameLookup.system(),
          SelfAddress.of(settings.host(), settings.port(), settings.baseUrl()));
      this.outbound = new OutboundHttp(guard, clock, settings.limits().connectionsPerHost());
      TokenStore tokenStore = new TokenStore(credentialRows, vault, clock, events, currentRule, audit);
      TokenClient tokenClient = new TokenClient(outbound, guard, json, clock);
      EndpointResolver endpoints = new EndpointResolver(outbound, guard, json, clock);
      this.refresher = new TokenRefresher(tokenStore, catalog, oauthApps, endpoints, tokenClient, notifications,
          clock, metrics);
      this.credentials = new Credentials(credentialRows, catalog, events, currentRule, audit,
          new Revoker(catalog, oauthApps, endpoints, tokenClient, notifications, tokenStore));
      this.databases = List.of(new SqlToolset(DsnScheme.POSTGRESQL, guard), new SqlToolset(DsnScheme.MYSQL, guard));
      CurrentPeer peers = new CurrentPeer();
      this.otherInstances = database.dialect() == Dialect.POSTGRESQL
          ? new ClusterRelay(new RelayRows(database.jdbi()), signals::publish, json, clock, settings.callTimeout())
          : new SingleInstance();
      this.clients = new ClientStreams(json, settings.callTimeout(), vault.signer(), otherInstances);
      RelayedNotices notices = new RelayedNotices(clients, json);
      this.remoteMcp = new RemoteMcp(guard, json, clock, settings.mcpMaxCall(), peers, notices);
      List<BuiltinToolset> builtins = new ArrayList<>(List.of(new CalculatorToolset(json)));
      builtins.addAll(databases);
      List<ToolSource> sources = new ArrayList<>(builtins);
      sources.add(new CuratedOpenApi());
      this.tools = ToolCatalog.build(catalog.snapshot(), sources);
      Map<String, BuiltinToolset> byName = new HashMap<>();
      builtins.forEach(b -> byName.put(b.name(), b));
      ToolExecutor executor = new ToolExecutor(
          new HttpToolCall(outbound, json, settings.maxResponseBytes(), clock), remoteMcp, byName);
      ArgumentValidator validator = new ArgumentValidator();
      metrics.gauge("switchboard.db.connections.active", "Database connections in use", database::activeConnections);
      metrics.gauge("switchboard.db.connections.open", "Database connections open", database::openConnections);
      metrics.gauge("switchboard.mcp.streams.open", "Open MCP notification streams", broker::openStreams);
      countVaultOperations();
      CredentialCalls calls = new CredentialCalls(credentialRows, catalog, vault, executor, executions,
          clock, settings.callTimeout(),
          new CallLimits(settings.limits().callsPerUser(), settings.limits().callsPerUserProvider()),
          refresher, metrics, audit);
      this.remoteTools = new RemoteToolDirectory(credentialRows, catalog, vault, executor, clock,
          settings.callTimeout());
      this.verifier = new CredentialVerifier(credentialRows, catalog, tools, validator, calls, remoteTools, json,
          clock, events, currentRule, metrics, audit);
      BundleRows bundleRows = new BundleRows(database.jdbi());
      this.bundles = new Bundles(bundleRows, tools, credentials, remoteTools, clock);
      this.attention = new AttentionWatcher(bundles, bundleRows, credentials, notifications);
      this.surfaces = new SurfaceFactory(bundles,
          new ToolRunner(new CheckedCalls(calls, verifier), validator, json, settings.baseUrl()), json,
          new SchemaBounds(settings.toolSchemaLimit()));
      bundles.onChange(surfaces::forget);
      this.mcp = new McpServer(json, new SessionTokens(vault.tokenSealer(SessionTokens.PURPOSE)),
          new Cursors(vault.signer()), new EndedSessions(database.jdbi()), surfaces, clock, VERSION,
          settings.callTimeout(), new McpServer.Relay(new ProviderFeatures(bundles,
              new ProviderRequests(credentialRows, catalog, vault, new RemoteRequests(remoteMcp)), json),
              clients, peers, notices));
      ProviderRows providerRows = new ProviderRows(database.jdbi());
      this.providerAdmin = new ProviderAdmin(providerRows, shipped, catalog, tools,
          credentials, bundles, guard, outbound, json, clock, settings.maxDocumentBytes());
      this.health = new ProviderHealth(providerRows, catalog, providerAdmin, outbound, credentials, notifications,
          clock, settings.healthInterval(), settings.healthWindow());
      providerAdmin.refresh();
      providerAdmin.onChange(() -> {
        surfaces.forget();
        signals.publish("catalog");
      });
      this.sweep = new RefreshSweep(tokenStore, refresher, clock, settings.refreshWindow());
      this.oauth = new OAuthFlow(catalog, oauthApps, endpoints, new States(database.jdbi()), tokenClient,
          tokenStore, credentials, verifier, bundles, tools, json, clock, settings.baseUrl());
      this.authServer = new AuthorizationServer(new ClientRows(database.jdbi()), new GrantRows(database.jdbi()),
          new GrantTokenRows(database.jdbi()), new MetadataDocuments(outbound, guard, json, clock),
          new AddressLimits(REGISTRATIONS_PER_ADDRESS_PER_HOUR, Duration.ofHours(1), clock),
          new ResourceNames(settings.baseUrl(), settings.port()), users, clock);
      this.accounts = new Accounts(users, sessions, tokens, authServer::revokeUser, this::eraseCredentials);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Erases every credential of a user the way a single delete does: revoked at the provider first. */
  private void eraseCredentials(String userId) {
    CredentialFilter all = new CredentialFilter(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
    List<Credential> page = credentials.list(userId, all, Optional.empty(), 200).items();
    while (!page.isEmpty()) {
      page.forEach(c -> credentials.delete(userId, c.id()));
      page = credentials.list(userId, all, Optional.empty(), 200).items();
    }
  }

  /**
   * Opens everything. {@code createKeyFile} lets the first start generate a key file; the tools
   * that only read pass false so that a typo in a path does not silently create a new key.
   */
  public static Switchboard open(Settings settings, Clock clock, boolean createKeyFile) {
    return new Switchboard(settings, clock, createKeyFile);
  }

  /** The MCP server surface, for in-process benchmarks that skip HTTP. */
  public McpServer mcp() {
    return mcp;
  }

  /** Bundles, for in-process benchmarks. */
  public Bundles bundles() {
    return bundles;
  }

  /** Access tokens, for in-process benchmarks that act as a caller. */
  public AccessTokens accessTokens() {
    return tokens;
  }

  /** The background OAuth refresh, for operators' tools and tests that run a sweep on demand. */
  public RefreshSweep refreshSweep() {
    return sweep;
  }

  /** Refuses to go on when stored rows need a key that is not configured (DESIGN.md §4). */
  public void requireKeysForStoredRows() {
    List<String> missing = Stream.concat(rotation.keyIdsInUse().stream(),
            oauthApps.keyIdsInUse().stream()).distinct().filter(id -> !vault.canOpen(id)).toList();
    if (!missing.isEmpty()) {
      throw new StartupException("stored credentials are encrypted with vault key(s) " + missing
          + " which are not configured; add them to " + KeyringSource.ENV_VAR + " or the key file "
          + settings.vaultKeyFile().toAbsolutePath() + " (Switchboard never falls back to plaintext)");
    }
  }

  /**
   * After a credential change: recompute bundle readiness here, and tell every instance (this one
   * included) so that each drops what it kept for the credential and tells its open MCP streams.
   */
  private void changed(String userId, String credentialId) {
    surfaces.forget();
    attention.check(userId);
    signals.publish("credential " + userId + " " + credentialId);
  }

  /** A message from some instance (see {@link #changed}); also "catalog" after an admin change. */
  private void received(String message) {
    if (message.startsWith(ClusterRelay.PREFIX)) {
      // a relay for a client's stream (docs/mcp.md, "Several instances"): nothing kept changed
      if (clients != null) {
        clients.fromOtherInstance(message);
      }
      return;
    }
    surfaces.forget();
    String[] parts = message.split(" ");
    if (parts[0].equals("credential") && parts.length == 3) {
      databases.forEach(database -> database.forget(parts[2]));
      catalog.all().forEach(p -> remoteMcp.forget(RemoteMcp.cacheKey(p.slug(), parts[2])));
      broker.changed(parts[1]);
    } else if (parts[0].equals("catalog")) {
      providerAdmin.refresh();
      // an import, a status change or a deletion may change anyone's tool list
      broker.changedAll();
    }
  }

  /**
   * Applies what another process stored in the catalog (the CLI's import or deletion beside a running
   * server on SQLite, where no signal reaches this process): when something changed, kept tool
   * surfaces are dropped and every open MCP stream is sent {@code list_changed}, as for a change
   * made here.
   */
  void refreshCatalog() {
    if (providerAdmin.refresh()) {
      surfaces.forget();
      broker.changedAll();
    }
  }

  /** Starts what runs in the background (the outbound client's pool). */
  void start() {
    outbound.start();
  }

  @Override
  public void close() {
    otherInstances.close();
    remoteMcp.close();
    outbound.close();
    databases.forEach(SqlToolset::close);
    records.close();
    database.close();
  }
}
