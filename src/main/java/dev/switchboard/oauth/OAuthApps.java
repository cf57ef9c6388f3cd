package dev.switchboard.oauth;

import dev.switchboard.credential.PayloadRotation;
import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.FieldErrors;
import dev.switchboard.oauth.internal.TokenClient;
import dev.switchboard.provider.OAuth2Method;
import dev.switchboard.vault.SealedPayload;
import dev.switchboard.vault.SecretFields;
import dev.switchboard.vault.Vault;
import dev.switchboard.vault.VaultException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The OAuth client registration of each provider, set by an administrator per installation: the
 * client id, and the client secret sealed in the vault (it is never shown again).
 */
public final class OAuthApps {
  private static final String OWNER = "system";
  private final Jdbi jdbi;
  private final Vault vault;
  private final Clock clock;

  public OAuthApps(Jdbi jdbi, Vault vault, Clock clock) {
    this.jdbi = jdbi;
    this.vault = vault;
    this.clock = clock;
  }

  /** What the dashboard shows of an app: never the secret. */
  public record App(String provider, String clientId, boolean hasSecret) {}

  public App set(String provider, String clientId, String clientSecret) {
    if (clientId == null || clientId.isBlank()) {
      throw new FieldErrors(Map.of("clientId", "is required"));
    }
    SealedPayload sealed = clientSecret == null || clientSecret.isEmpty() ? null
        : vault.seal(OWNER, "oauth-app:" + provider, SecretFields.of(Map.of("client_secret", clientSecret)));
    jdbi.useTransaction(h -> {
      h.createUpdate("DELETE FROM oauth_apps WHERE provider = :p").bind("p", provider).execute();
      h.createUpdate("INSERT INTO oauth_apps (provider, client_id, secret_payload, key_id, updated_at) "
              + "VALUES (:p, :id, :payload, :key, :at)")
          .bind("p", provider).bind("id", clientId.trim())
          .bind("payload", sealed == null ? null : sealed.token())
          .bind("key", sealed == null ? null : sealed.keyId())
          .bind("at", clock.millis()).execute();
    });
    return new App(provider, clientId.trim(), sealed != null);
  }

  public Optional<App> find(String provider) {
    return jdbi.withHandle(h -> h.createQuery("SELECT client_id, secret_payload FROM oauth_apps WHERE provider = :p")
        .bind("p", provider)
        .map((rs, ctx) -> new App(provider, rs.getString("client_id"), rs.getString("secret_payload") != null))
        .findOne());
  }

  /** Re-encrypts every client secret not yet sealed with the vault's primary key (key rotation). */
  public int rotate() {
    String primary = vault.keyring().primary().id();
    record Row(String provider, String payload, String keyId) {}
    List<Row> stale = jdbi.withHandle(h -> h.createQuery("SELECT provider, secret_payload, key_id "
            + "FROM oauth_apps WHERE secret_payload IS NOT NULL AND key_id <> :k")
        .bind("k", primary)
        .map((rs, ctx) -> new Row(rs.getString("provider"), rs.getString("secret_payload"), rs.getString("key_id")))
        .list());
    for (Row row : stale) {
      SealedPayload fresh = vault.reseal(OWNER, "oauth-app:" + row.provider(), new SealedPayload(row.keyId(), row.payload()));
      jdbi.useHandle(h -> h.createUpdate("UPDATE oauth_apps SET secret_payload = :p, key_id = :k WHERE provider = :pr "
              + "AND key_id = :old")
          .bind("p", fresh.token()).bind("k", fresh.keyId()).bind("pr", row.provider()).bind("old", row.keyId())
          .execute());
    }
    return stale.size();
  }

  /** Opens every stored client secret once, without keeping it: how many there are and fail. */
  public PayloadRotation.Check check() {
    record Row(String provider, String payload, String keyId) {}
    List<Row> stored = jdbi.withHandle(h -> h.createQuery("SELECT provider, secret_payload, key_id "
            + "FROM oauth_apps WHERE secret_payload IS NOT NULL ORDER BY provider")
        .map((rs, ctx) -> new Row(rs.getString("provider"), rs.getString("secret_payload"), rs.getString("key_id")))
        .list());
    int failed = 0;
    for (Row row : stored) {
      try {
        vault.open(OWNER, "oauth-app:" + row.provider(), new SealedPayload(row.keyId(), row.payload()));
      } catch (VaultException e) {
        failed++;
      }
    }
    return new PayloadRotation.Check(stored.size(), failed);
  }

  /** Vault key ids the stored client secrets need. */
  public List<String> keyIdsInUse() {
    return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT key_id FROM oauth_apps WHERE key_id IS NOT NULL")
        .mapTo(String.class).list());
  }

  /** The client to present at the token endpoint; a provider without an app cannot be connected. */
  TokenClient.Client client(String provider, OAuth2Method method) {
    record Row(String clientId, String payload, String keyId) {}
    Row row = jdbi.withHandle(h -> h.createQuery("SELECT client_id, secret_payload, key_id FROM oauth_apps WHERE provider = :p")
        .bind("p", provider)
        .map((rs, ctx) -> new Row(rs.getString("client_id"), rs.getString("secret_payload"), rs.getString("key_id")))
        .findOne())
        .orElseThrow(() -> new OAuthException(ErrorKind.CONFLICT, "oauth_app_missing",
            "an administrator must first set this provider's OAuth client id and secret (Admin → OAuth apps)"));
    String secret = row.payload() == null ? null
        : vault.open(OWNER, "oauth-app:" + provider, new SealedPayload(row.keyId(), row.payload()))
            .get("client_secret").orElse(null);
    return new TokenClient.Client(row.clientId(), secret, method.clientAuthentication());
  }
}
