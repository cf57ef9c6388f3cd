package dev.switchboard.authserver.internal;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL of {@code as_tokens}: authorization codes, access and refresh tokens of the grants, by
 * SHA-256 hash. A code or refresh token is spent by setting {@code used_at} once.
 */
public final class GrantTokenRows {
  public static final String CODE = "code";
  public static final String ACCESS = "access";
  public static final String REFRESH = "refresh";

  /** A stored code or token. */
  public record Row(String grantId, String kind, String redirectUri, String codeChallenge, Instant expiresAt,
      Optional<Instant> usedAt) {}

  /** A live access token: its grant, the grant's user and endpoint, when the grant was last used. */
  public record Live(String grantId, String userId, String clientId, String resourcePath, Optional<Instant> lastUsedAt) {}

  private final Jdbi jdbi;

  public GrantTokenRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void insert(String hash, String grantId, String kind, String redirectUri, String challenge,
      Instant at, Instant expiresAt) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO as_tokens (token_hash, grant_id, kind, redirect_uri, "
            + "code_challenge, created_at, expires_at) VALUES (:hash, :grant, :kind, :redirect, :challenge, :at, :exp)")
        .bind("hash", hash).bind("grant", grantId).bind("kind", kind).bind("redirect", redirectUri)
        .bind("challenge", challenge).bind("at", at.toEpochMilli()).bind("exp", expiresAt.toEpochMilli())
        .execute());
  }

  /** A code or token of a live grant, spent or not. */
  public Optional<Row> find(String hash, String kind) {
    return jdbi.withHandle(h -> h.createQuery("SELECT t.* FROM as_tokens t JOIN as_grants g ON g.id = t.grant_id "
            + "WHERE t.token_hash = :hash AND t.kind = :kind AND g.revoked_at IS NULL AND " + GrantRows.SAME_ENDPOINT)
        .bind("hash", hash).bind("kind", kind)
        .map((rs, ctx) -> new Row(rs.getString("grant_id"), rs.getString("kind"), rs.getString("redirect_uri"),
            rs.getString("code_challenge"), Instant.ofEpochMilli(rs.getLong("expires_at")),
            GrantRows.instant(rs.getObject("used_at"))))
        .findOne());
  }

  /** Spends a code or refresh token; false when it was spent already (a replay). */
  public boolean spend(String hash, Instant at) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE as_tokens SET used_at = :at "
            + "WHERE token_hash = :hash AND used_at IS NULL")
        .bind("at", at.toEpochMilli()).bind("hash", hash).execute()) == 1;
  }

  /** The grant of an unexpired access token whose grant is live and whose user is not disabled. */
  public Optional<Live> liveAccess(String hash, Instant now) {
    return jdbi.withHandle(h -> h.createQuery("SELECT g.id, g.user_id, g.client_id, g.resource, g.last_used_at "
            + "FROM as_tokens t JOIN as_grants g ON g.id = t.grant_id JOIN users u ON u.id = g.user_id "
            + "WHERE t.token_hash = :hash AND t.kind = 'access' AND t.expires_at > :now "
            + "AND g.revoked_at IS NULL AND u.disabled_at IS NULL AND " + GrantRows.SAME_ENDPOINT)
        .bind("hash", hash).bind("now", now.toEpochMilli())
        .map((rs, ctx) -> new Live(rs.getString("id"), rs.getString("user_id"), rs.getString("client_id"),
            rs.getString("resource"), GrantRows.instant(rs.getObject("last_used_at"))))
        .findOne());
  }

  /** The grant a token (any kind) belongs to, for revocation. */
  public Optional<String> grantOf(String hash) {
    return jdbi.withHandle(h -> h.createQuery("SELECT grant_id FROM as_tokens WHERE token_hash = :hash")
        .bind("hash", hash).mapTo(String.class).findOne());
  }

  public void delete(String hash) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM as_tokens WHERE token_hash = :hash").bind("hash", hash).execute());
  }

  public int deleteExpired(Instant now) {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM as_tokens WHERE expires_at < :now")
        .bind("now", now.toEpochMilli()).execute());
  }
}
