package dev.switchboard.oauth.internal;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Pending authorizations, keyed by the hash of their {@code state}: single use (taking one deletes
 * it, so a replay finds nothing), bound to the user who started it, expiring after 10 minutes.
 */
public final class States {
  /** A pending authorization. */
  public record Pending(String userId, String provider, String verifier, String scopes,
      Optional<String> credentialId, Instant expiresAt) {
    @Override
    public String toString() {
      return "Pending[" + provider + "]";
    }
  }

  private final Jdbi jdbi;

  public States(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void save(String hash, Pending p) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO oauth_states (state_hash, user_id, provider, code_verifier, "
            + "scopes, credential_id, expires_at) VALUES (:hash, :user, :provider, :verifier, :scopes, :cred, :exp)")
        .bind("hash", hash).bind("user", p.userId()).bind("provider", p.provider()).bind("verifier", p.verifier())
        .bind("scopes", p.scopes()).bind("cred", p.credentialId().orElse(null))
        .bind("exp", p.expiresAt().toEpochMilli()).execute());
  }

  /** Takes (and deletes) a pending authorization; empty when unknown or already taken. */
  public Optional<Pending> take(String hash) {
    return jdbi.inTransaction(h -> {
      Optional<Pending> found = h.createQuery("SELECT * FROM oauth_states WHERE state_hash = :hash")
          .bind("hash", hash)
          .map((rs, ctx) -> new Pending(rs.getString("user_id"), rs.getString("provider"),
              rs.getString("code_verifier"), rs.getString("scopes"),
              Optional.ofNullable(rs.getString("credential_id")), Instant.ofEpochMilli(rs.getLong("expires_at"))))
          .findOne();
      if (found.isEmpty()) {
        return found;
      }
      int deleted = h.createUpdate("DELETE FROM oauth_states WHERE state_hash = :hash").bind("hash", hash).execute();
      return deleted == 1 ? found : Optional.<Pending>empty();
    });
  }

  public void deleteExpired(Instant now) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM oauth_states WHERE expires_at < :now")
        .bind("now", now.toEpochMilli()).execute());
  }
}
