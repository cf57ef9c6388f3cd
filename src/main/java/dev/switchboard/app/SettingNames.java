package dev.switchboard.app;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The names of every recognised setting, so that unknown ones can be refused. */
final class SettingNames {
  static final Set<String> ALL = Stream.of(
          "CONFIG", "HOST", "PORT", "BASE_URL", "DATA_DIR", "DB_URL", "DB_USER", "DB_PASSWORD",
          "VAULT_KEYS", "VAULT_KEY_FILE", "ADMIN_EMAIL", "ADMIN_PASSWORD", "MAX_BODY_BYTES",
          "BCRYPT_COST", "SESSION_HOURS", "LOG_FORMAT", "LOG_LEVEL", "KEY_FILE_POLL_MS", "OUTBOUND_ALLOW",
          "CALL_TIMEOUT_MS", "MCP_MAX_CALL_MS", "MAX_RESPONSE_BYTES",
          "REFRESH_INTERVAL_MINUTES", "REFRESH_WINDOW_MINUTES", "VAULT_LOCK_SECONDS",
          "SIGNIN_MAX_FAILURES_PER_ACCOUNT", "SIGNIN_MAX_FAILURES_PER_ADDRESS", "SIGNIN_WINDOW_MINUTES",
          "METRICS_TOKEN", "MAX_CALLS_PER_USER", "MAX_CALLS_PER_USER_PROVIDER", "MAX_STREAMS_PER_USER",
          "OUTBOUND_CONNECTIONS_PER_HOST", "BODY_TIMEOUT_MS", "MAX_ANONYMOUS_BODIES",
          "HEALTH_INTERVAL_MS", "HEALTH_WINDOW_MS",
          "MAX_DOCUMENT_BYTES", "TOOL_SCHEMA_LIMIT")
      .map(n -> SettingsLoader.PREFIX + n)
      .collect(Collectors.toUnmodifiableSet());

  private SettingNames() {}
}
