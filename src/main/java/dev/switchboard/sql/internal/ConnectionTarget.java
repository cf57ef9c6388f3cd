package dev.switchboard.sql.internal;

import dev.switchboard.provider.DatabaseDsn;
import dev.switchboard.provider.DsnScheme;
import dev.switchboard.vault.Digests;
import dev.switchboard.vault.SecretFields;
import java.util.Objects;

/**
 * Where and as whom to connect: the credential's {@link DatabaseDsn} and its password. The
 * {@link #fingerprint()} changes whenever any setting or the password changes, so a pool made for
 * old settings is never reused. {@link #toString()} shows the DSN only.
 */
public final class ConnectionTarget {
  private final DatabaseDsn dsn;
  private final String password;

  private ConnectionTarget(DatabaseDsn dsn, String password) {
    this.dsn = Objects.requireNonNull(dsn, "dsn");
    this.password = Objects.requireNonNull(password, "password");
  }

  /** The target a credential's fields describe; the password may be absent (trust auth). */
  public static ConnectionTarget of(DsnScheme scheme, SecretFields fields) {
    return new ConnectionTarget(DatabaseDsn.of(scheme, fields), fields.get("password").orElse(""));
  }

  public DatabaseDsn dsn() {
    return dsn;
  }

  String password() {
    return password;
  }

  /** A SHA-256 over every setting and the password; kept in memory only, to key pools. */
  public String fingerprint() {
    return Digests.sha256Hex(dsn.uri() + "\n" + password);
  }

  @Override
  public String toString() {
    return "ConnectionTarget[" + dsn.uri() + "]";
  }
}
