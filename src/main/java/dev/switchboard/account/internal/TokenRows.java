package dev.switchboard.account.internal;

import dev.switchboard.account.AccessToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL of the {@code access_tokens} table. */
public final class TokenRows {
  private static final RowMapper<AccessToken> TOKEN = (rs, ctx) -> new AccessToken(
      rs.getString("id"),
      rs.getString("name"),
      rs.getString("hint"),
      Instant.ofEpochMilli(rs.getLong("created_at")),
      instant(rs.getObject("last_used_at")),
      instant(rs.getObject("revoked_at")));

  /** The owner of a live token and when it was last used. */
  public record Owner(String tokenId, String userId, Optional<Instant> lastUsedAt) {}

  private final Jdbi jdbi;

  public TokenRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void insert(String userId, AccessToken token, String hash) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO access_tokens (id, user_id, name, token_hash, "
            + "hint, created_at) VALUES (:id, :user, :name, :hash, :hint, :at)")
        .bind("id", token.id()).bind("user", userId).bind("name", token.name())
        .bind("hash", hash).bind("hint", token.hint())
        .bind("at", token.createdAt().toEpochMilli())
        .execute());
  }

  public Optional<Owner> liveByHash(String hash) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, user_id, last_used_at FROM access_tokens "
            + "WHERE token_hash = :hash AND revoked_at IS NULL")
        .bind("hash", hash)
        .map((rs, ctx) -> new Owner(rs.getString("id"), rs.getString("user_id"),
            instant(rs.getObject("last_used_at"))))
        .findOne());
  }

  public List<AccessToken> byUser(String userId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM access_tokens WHERE user_id = :u "
            + "ORDER BY created_at DESC, id")
        .bind("u", userId).map(TOKEN).list());
  }

  public Optional<AccessToken> byId(String userId, String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM access_tokens WHERE user_id = :u AND id = :id")
        .bind("u", userId).bind("id", id).map(TOKEN).findOne());
  }

  public boolean revoke(String userId, String id, Instant at) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE access_tokens SET revoked_at = :at "
            + "WHERE user_id = :u AND id = :id AND revoked_at IS NULL")
        .bind("at", at.toEpochMilli()).bind("u", userId).bind("id", id).execute()) == 1;
  }

  /** Revokes every live token of a user; answers how many. */
  public int revokeAll(String userId, Instant at) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE access_tokens SET revoked_at = :at "
            + "WHERE user_id = :u AND revoked_at IS NULL")
        .bind("at", at.toEpochMilli()).bind("u", userId).execute());
  }

  public void touch(String id, Instant at) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE access_tokens SET last_used_at = :at WHERE id = :id")
        .bind("at", at.toEpochMilli()).bind("id", id).execute());
  }

  static Optional<Instant> instant(Object epochMillis) {
    return epochMillis == null
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(((Number) epochMillis).longValue()));
  }
}
