package dev.switchboard.postgres.internal;

import dev.switchboard.provider.PostgresDsn;
import dev.switchboard.vault.Digests;
import dev.switchboard.vault.SecretFields;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where and as whom to connect: the credential's {@link PostgresDsn} and its password. The
 * {@link #fingerprint()} changes whenever any setting or the password changes, so a pool made for
 * old settings is never reused. {@link #toString()} shows the DSN only.
 */
public final class ConnectionTarget {
  private final PostgresDsn dsn;
  private final String password;

  private ConnectionTarget(PostgresDsn dsn, String password) {
    this.dsn = Objects.requireNonNull(dsn, "dsn");
    this.password = Objects.requireNonNull(password, "password");
  }

  /** The target a credential's fields describe; the password may be absent (trust auth). */
  public static ConnectionTarget of(SecretFields fields) {
    return new ConnectionTarget(PostgresDsn.of(fields), fields.get("password").orElse(""));
  }

  public PostgresDsn dsn() {
    return dsn;
  }

  String password() {
    return password;
  }

  /** A SHA-256 over every setting and the password; kept in memory only, to key pools. */
  public String fingerprint() {
    return Digests.sha256Hex(dsn.uri() + "\n" + password);
  }

  /** The JDBC URL of these settings; it has no user, password or parameters (they travel as properties). */
  String jdbcUrl() {
    return "jdbc:postgresql://" + dsn.uriHost() + ":" + dsn.port() + "/"
        + URLEncoder.encode(dsn.database(), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ConnectionTarget[" + dsn.uri() + "]";
  }
}
