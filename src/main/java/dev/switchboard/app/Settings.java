package dev.switchboard.app;

import dev.switchboard.account.SignInThrottle;
import dev.switchboard.tool.OpenApiImport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting Switchboard reads, once, at start. Built by {@link SettingsLoader} from
 * {@code SWITCHBOARD_*} environment variables and an optional file; immutable afterwards. Each field
 * is documented in the README's configuration table.
 *
 * @param host address to listen on
 * @param port port to listen on (0 picks a free one, used by tests)
 * @param baseUrl the externally visible URL, used in MCP URLs and OAuth redirect URIs
 * @param dataDir directory of the embedded SQLite database
 * @param dbUrl JDBC URL; SQLite under {@code dataDir} by default, PostgreSQL when it names one
 * @param dbUser database user (PostgreSQL), may be empty
 * @param dbPassword database password (PostgreSQL), may be empty
 * @param vaultKeys the raw {@code id:base64key,...} list, empty when keys come from the key file
 * @param vaultKeyFile path of the key file, generated on first start when no keys are given
 * @param adminEmail the bootstrap admin's email, when given
 * @param adminPassword the bootstrap admin's password, when given
 * @param maxBodyBytes largest request body accepted
 * @param bcryptCost work factor of password hashes
 * @param sessionTtl how long a dashboard sign-in lasts
 * @param baseUrlOverrides provider slug to base URL, from {@code SWITCHBOARD_PROVIDER_<SLUG>_BASE_URL}
 * @param authUrlOverrides provider slug to the URL replacing the origin of its auth endpoints, from
 *     {@code SWITCHBOARD_PROVIDER_<SLUG>_AUTH_URL}
 * @param keyFilePoll how often the running server looks for a changed key file (online rotation)
 * @param outboundAllow CIDR ranges and host names outbound calls may reach although private, each
 *     on every port or on one ({@code 10.0.0.0/8:5432})
 * @param callTimeout the deadline of one tool call, covering the whole upstream exchange
 * @param mcpMaxCall how long a call to a remote MCP provider may last at most when its server keeps
 *     reporting progress (each progress notification gives the call {@code callTimeout} again)
 * @param maxResponseBytes the most bytes of one upstream answer kept for a tool result
 * @param refreshInterval how often the background job refreshes OAuth tokens
 * @param refreshWindow the job refreshes tokens that expire within this window
 * @param signInLimits failed sign-ins allowed per account and per client address within a window
 * @param vaultLockLease how long a key rotation's database lock outlives its last renewal, so
 *     that a rotation killed while holding it stops blocking the next one after this long
 * @param metricsToken when present, {@code /metrics} answers only {@code Authorization: Bearer <it>}
 * @param limits what one user (or an anonymous caller) may hold at once
 * @param healthInterval how often the background health check asks each provider; zero turns it off
 * @param healthWindow how long a provider stays unreachable before it is set INACTIVE
 * @param maxDocumentBytes the largest API description an import reads (UTF-8 bytes, JSON or YAML,
 *     pasted or fetched)
 * @param toolSchemaLimit the most bytes of JSON one tool's input schema has in {@code tools/list};
 *     larger ones are simplified (the full one stays for validation and {@code describe_tool})
 */
public record Settings(
    String host,
    int port,
    String baseUrl,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String vaultKeys,
    Path vaultKeyFile,
    Optional<String> adminEmail,
    Optional<String> adminPassword,
    long maxBodyBytes,
    int bcryptCost,
    Duration sessionTtl,
    Map<String, String> baseUrlOverrides,
    Duration keyFilePoll,
    String outboundAllow,
    Duration callTimeout,
    Duration mcpMaxCall,
    int maxResponseBytes,
    Duration refreshInterval,
    Duration refreshWindow,
    SignInThrottle.Limits signInLimits,
    Duration vaultLockLease,
    Optional<String> metricsToken,
    RequestLimits limits,
    Duration healthInterval,
    Duration healthWindow,
    int maxDocumentBytes,
    int toolSchemaLimit,
    Map<String, String> authUrlOverrides) {

  public Settings {
    authUrlOverrides = Map.copyOf(authUrlOverrides);
    if (healthInterval.isNegative() || healthWindow.isNegative() || healthWindow.isZero()) {
      throw new IllegalArgumentException("SWITCHBOARD_HEALTH_INTERVAL_MS must be 0 or more and "
          + "SWITCHBOARD_HEALTH_WINDOW_MS more than 0");
    }
    baseUrlOverrides = Map.copyOf(baseUrlOverrides);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("SWITCHBOARD_PORT must be between 0 and 65535");
    }
    if (vaultLockLease.toMillis() < 1000) {
      throw new IllegalArgumentException("SWITCHBOARD_VAULT_LOCK_SECONDS must be at least 1");
    }
    if (mcpMaxCall.compareTo(callTimeout) < 0) {
      throw new IllegalArgumentException("SWITCHBOARD_MCP_MAX_CALL_MS must be at least SWITCHBOARD_CALL_TIMEOUT_MS");
    }
    if (maxDocumentBytes < 1024 || maxDocumentBytes > MAX_DOCUMENT_CEILING) {
      throw new IllegalArgumentException("SWITCHBOARD_MAX_DOCUMENT_BYTES must be between 1024 and "
          + MAX_DOCUMENT_CEILING);
    }
    if (toolSchemaLimit < 1024) {
      throw new IllegalArgumentException("SWITCHBOARD_TOOL_SCHEMA_LIMIT must be at least 1024 bytes");
    }
    if (bcryptCost < 4 || bcryptCost > 31) {
      throw new IllegalArgumentException("SWITCHBOARD_BCRYPT_COST must be between 4 and 31");
    }
  }

  /** The highest {@code SWITCHBOARD_MAX_DOCUMENT_BYTES} allowed: the document reader's own ceiling. */
  public static final int MAX_DOCUMENT_CEILING = OpenApiImport.MAX_CHARACTERS;

  /** Whether the database is PostgreSQL (otherwise SQLite). */
  public boolean postgres() {
    return dbUrl.startsWith("jdbc:postgresql:");
  }

  /** A copy listening on another port, with the base URL following it when it was the default. */
  public Settings withPort(int newPort, String newBaseUrl) {
    return new Settings(host, newPort, newBaseUrl, dataDir, dbUrl, dbUser, dbPassword, vaultKeys,
        vaultKeyFile, adminEmail, adminPassword, maxBodyBytes, bcryptCost, sessionTtl,
        baseUrlOverrides, keyFilePoll, outboundAllow, callTimeout, mcpMaxCall, maxResponseBytes, refreshInterval,
        refreshWindow, signInLimits, vaultLockLease, metricsToken, limits, healthInterval, healthWindow,
        maxDocumentBytes, toolSchemaLimit, authUrlOverrides);
  }
}
