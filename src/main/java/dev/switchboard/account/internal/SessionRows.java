package dev.switchboard.account.internal;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** SQL of the {@code sessions} table; keyed by the hash of the cookie value. */
public final class SessionRows {
  /** A live session: its user and CSRF token. */
  public record Row(String userId, String csrfToken, Instant expiresAt) {}

  private final Jdbi jdbi;

  public SessionRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void insert(String hash, String userId, String csrf, Instant created, Instant expires) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO sessions (token_hash, user_id, csrf_token, "
            + "created_at, expires_at) VALUES (:hash, :user, :csrf, :created, :expires)")
        .bind("hash", hash).bind("user", userId).bind("csrf", csrf)
        .bind("created", created.toEpochMilli()).bind("expires", expires.toEpochMilli())
        .execute());
  }

  public Optional<Row> find(String hash) {
    return jdbi.withHandle(h -> h.createQuery(
            "SELECT user_id, csrf_token, expires_at FROM sessions WHERE token_hash = :hash")
        .bind("hash", hash)
        .map((rs, ctx) -> new Row(rs.getString("user_id"), rs.getString("csrf_token"),
            Instant.ofEpochMilli(rs.getLong("expires_at"))))
        .findOne());
  }

  public void delete(String hash) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash")
        .bind("hash", hash).execute());
  }

  public void deleteExpired(Instant now) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at < :now")
        .bind("now", now.toEpochMilli()).execute());
  }

  public void deleteForUser(String userId) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE user_id = :u")
        .bind("u", userId).execute());
  }

  /** Deletes every session of a user but the one with {@code keptHash}. */
  public void deleteForUserExcept(String userId, String keptHash) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE user_id = :u AND token_hash <> :kept")
        .bind("u", userId).bind("kept", keptHash).execute());
  }
}
