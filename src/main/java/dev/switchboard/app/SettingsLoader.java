package dev.switchboard.app;

import dev.switchboard.account.SignInThrottle;
import dev.switchboard.tool.SchemaBounds;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads {@link Settings} from environment variables and an optional settings file. The file (path in
 * {@code SWITCHBOARD_CONFIG}) holds {@code SWITCHBOARD_NAME=value} lines; environment variables win
 * over the file. Unknown {@code SWITCHBOARD_*} names are refused so that a typo does not go unseen.
 */
public final class SettingsLoader {
  static final String PREFIX = "SWITCHBOARD_";
  private static final String OVERRIDE_SUFFIX = "_BASE_URL";
  private static final String AUTH_OVERRIDE_SUFFIX = "_AUTH_URL";
  private static final String OVERRIDE_PREFIX = PREFIX + "PROVIDER_";

  private SettingsLoader() {}

  /** Loads settings from the given environment (normally {@code System.getenv()}). */
  public static Settings load(Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    String file = env.get(PREFIX + "CONFIG");
    if (file != null && !file.isBlank()) {
      values.putAll(readFile(Path.of(file)));
    }
    env.forEach((k, v) -> {
      if (k.startsWith(PREFIX)) {
        values.put(k, v);
      }
    });
    return fromValues(values);
  }

  static Settings fromValues(Map<String, String> values) {
    Map<String, String> overrides = new HashMap<>();
    Map<String, String> authOverrides = new HashMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey();
      if (key.startsWith(OVERRIDE_PREFIX) && key.endsWith(OVERRIDE_SUFFIX)) {
        String slug = key.substring(OVERRIDE_PREFIX.length(), key.length() - OVERRIDE_SUFFIX.length());
        overrides.put(slug.toLowerCase(Locale.ROOT).replace('_', '-'), e.getValue());
      } else if (key.startsWith(OVERRIDE_PREFIX) && key.endsWith(AUTH_OVERRIDE_SUFFIX)) {
        String slug = key.substring(OVERRIDE_PREFIX.length(), key.length() - AUTH_OVERRIDE_SUFFIX.length());
        authOverrides.put(slug.toLowerCase(Locale.ROOT).replace('_', '-'), e.getValue());
      } else if (!SettingNames.ALL.contains(key)) {
        throw new IllegalArgumentException("unknown setting " + key
            + " (see the README's configuration table)");
      }
    }
    int port = intValue(values, "PORT", 8080);
    Path dataDir = Path.of(value(values, "DATA_DIR", "data"));
    String dbUrl = value(values, "DB_URL", "jdbc:sqlite:" + dataDir.resolve("switchboard.db"));
    String baseUrl = value(values, "BASE_URL", "http://localhost:" + port);
    return new Settings(
        value(values, "HOST", "127.0.0.1"),
        port,
        stripSlash(baseUrl),
        dataDir,
        dbUrl,
        value(values, "DB_USER", ""),
        value(values, "DB_PASSWORD", ""),
        value(values, "VAULT_KEYS", ""),
        Path.of(value(values, "VAULT_KEY_FILE", "keys/vault.keys")),
        optional(values, "ADMIN_EMAIL"),
        optional(values, "ADMIN_PASSWORD"),
        intValue(values, "MAX_BODY_BYTES", 1_048_576),
        intValue(values, "BCRYPT_COST", 12),
        Duration.ofHours(intValue(values, "SESSION_HOURS", 12)),
        overrides,
        Duration.ofMillis(intValue(values, "KEY_FILE_POLL_MS", 1000)),
        value(values, "OUTBOUND_ALLOW", ""),
        Duration.ofMillis(intValue(values, "CALL_TIMEOUT_MS", 30_000)),
        Duration.ofMillis(intValue(values, "MCP_MAX_CALL_MS", 600_000)),
        intValue(values, "MAX_RESPONSE_BYTES", 5 * 1024 * 1024),
        Duration.ofMinutes(intValue(values, "REFRESH_INTERVAL_MINUTES", 60)),
        Duration.ofMinutes(intValue(values, "REFRESH_WINDOW_MINUTES", 24 * 60)),
        new SignInThrottle.Limits(intValue(values, "SIGNIN_MAX_FAILURES_PER_ACCOUNT", 10),
            intValue(values, "SIGNIN_MAX_FAILURES_PER_ADDRESS", 50),
            Duration.ofMinutes(intValue(values, "SIGNIN_WINDOW_MINUTES", 15))),
        Duration.ofSeconds(intValue(values, "VAULT_LOCK_SECONDS", 60)),
        optional(values, "METRICS_TOKEN").map(String::trim),
        limits(values),
        Duration.ofMillis(intValue(values, "HEALTH_INTERVAL_MS", 5 * 60_000)),
        Duration.ofMillis(intValue(values, "HEALTH_WINDOW_MS", 30 * 60_000)),
        intValue(values, "MAX_DOCUMENT_BYTES", 32 * 1024 * 1024),
        intValue(values, "TOOL_SCHEMA_LIMIT", SchemaBounds.DEFAULT_LIMIT_BYTES),
        authOverrides);
  }

  private static RequestLimits limits(Map<String, String> values) {
    RequestLimits d = RequestLimits.defaults();
    return new RequestLimits(
        intValue(values, "MAX_CALLS_PER_USER", d.callsPerUser()),
        intValue(values, "MAX_CALLS_PER_USER_PROVIDER", d.callsPerUserProvider()),
        intValue(values, "MAX_STREAMS_PER_USER", d.streamsPerUser()),
        intValue(values, "OUTBOUND_CONNECTIONS_PER_HOST", d.connectionsPerHost()),
        Duration.ofMillis(intValue(values, "BODY_TIMEOUT_MS", (int) d.bodyTimeout().toMillis())),
        intValue(values, "MAX_ANONYMOUS_BODIES", d.anonymousBodies()));
  }

  private static Map<String, String> readFile(Path path) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read settings file " + path + ": " + e.getMessage(), e);
    }
    Map<String, String> values = new HashMap<>();
    properties.forEach((k, v) -> values.put(k.toString().trim(), v.toString().trim()));
    return values;
  }

  private static String value(Map<String, String> values, String name, String fallback) {
    String v = values.get(PREFIX + name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  private static Optional<String> optional(Map<String, String> values, String name) {
    String v = values.get(PREFIX + name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  private static int intValue(Map<String, String> values, String name, int fallback) {
    String v = value(values, name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PREFIX + name + " must be a whole number", e);
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
