package dev.switchboard.web;

import dev.switchboard.account.AccessTokens;
import dev.switchboard.account.Accounts;
import dev.switchboard.account.Sessions;
import dev.switchboard.account.Users;
import dev.switchboard.admin.ProviderAdmin;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.authserver.AuthorizationServer;
import dev.switchboard.audit.Executions;
import dev.switchboard.audit.Metrics;
import dev.switchboard.audit.Notifications;
import dev.switchboard.bundle.AttentionWatcher;
import dev.switchboard.bundle.Bundles;
import dev.switchboard.credential.CredentialCreation;
import dev.switchboard.credential.CredentialVerifier;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.RemoteToolDirectory;
import dev.switchboard.mcp.ListChangedBroker;
import dev.switchboard.mcp.McpServer;
import dev.switchboard.oauth.OAuthApps;
import dev.switchboard.oauth.OAuthFlow;
import dev.switchboard.oauth.TokenRefresher;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.tool.ToolCatalog;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the web edge calls, built by the composition root.
 *
 * @param readiness named checks behind {@code /readyz} (for example "database", "vault")
 * @param baseUrl the public URL of this server (MCP URLs, protected-resource metadata)
 * @param secureCookies whether cookies carry the Secure flag (true when the base URL is https)
 * @param sessionTtl how long the session cookie lives
 * @param metricsToken when present, {@code /metrics} requires {@code Authorization: Bearer <it>}
 * @param maxStreamsPerUser open MCP notification streams one user may hold (zero or less: no limit)
 * @param bodyTimeout how long a request body may take to arrive in full
 * @param maxAnonymousBodies requests with a body but no credential served at once (zero or less: no limit)
 */
public record WebDependencies(
    JsonMapper json,
    Users users,
    Sessions sessions,
    AccessTokens tokens,
    Accounts accounts,
    ProviderRegistry catalog,
    Credentials credentials,
    CredentialCreation creation,
    CredentialVerifier verifier,
    ToolCatalog tools,
    RemoteToolDirectory remoteTools,
    Bundles bundles,
    AttentionWatcher attention,
    ProviderAdmin providerAdmin,
    OAuthFlow oauth,
    OAuthApps oauthApps,
    TokenRefresher refresher,
    AuthorizationServer authServer,
    Executions executions,
    Notifications notifications,
    AuditTrail audit,
    Metrics metrics,
    McpServer mcp,
    ListChangedBroker broker,
    Map<String, BooleanSupplier> readiness,
    String baseUrl,
    long maxBodyBytes,
    boolean secureCookies,
    Duration sessionTtl,
    Optional<String> metricsToken,
    int maxStreamsPerUser,
    Duration bodyTimeout,
    int maxAnonymousBodies) {}
