package dev.switchboard.provider;

import java.util.List;

/**
 * The database engines a {@code DATABASE} credential can name, with what differs between their DSNs: the URI
 * scheme, the default port, and the SSL modes their drivers take (the first is the default).
 */
public enum DsnScheme {
  /** libpq's modes; {@code prefer} is its default. */
  POSTGRESQL("postgresql", 5432, List.of("prefer", "disable", "allow", "require", "verify-ca", "verify-full")),
  /** MariaDB Connector/J's modes ({@code trust}: TLS without checking the certificate). */
  MYSQL("mysql", 3306, List.of("trust", "disable", "verify-ca", "verify-full"));

  private final String scheme;
  private final int defaultPort;
  private final List<String> sslModes;

  DsnScheme(String scheme, int defaultPort, List<String> sslModes) {
    this.scheme = scheme;
    this.defaultPort = defaultPort;
    this.sslModes = sslModes;
  }

  /** The URI scheme, which is also the {@code builtin} value of the engine's tool set. */
  public String scheme() {
    return scheme;
  }

  public int defaultPort() {
    return defaultPort;
  }

  public String defaultSslmode() {
    return sslModes.get(0);
  }

  public List<String> sslModes() {
    return sslModes;
  }

  /** The engine of a built-in tool set ({@code mysql}); PostgreSQL for any other value. */
  public static DsnScheme forBuiltin(String builtin) {
    return MYSQL.scheme.equals(builtin) ? MYSQL : POSTGRESQL;
  }
}
