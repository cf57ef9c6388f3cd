package dev.switchboard.authserver.internal;

import dev.switchboard.authserver.ConnectedApp;
import dev.switchboard.authserver.ResourceNames;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL of {@code as_grants}: one row per consent. */
public final class GrantRows {
  private static final RowMapper<ConnectedApp> APP = (rs, ctx) -> new ConnectedApp(
      rs.getString("id"), rs.getString("client_name"), rs.getString("client_id"), rs.getString("redirect_host"),
      rs.getInt("verified") == 1, rs.getString("resource"),
      Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs.getObject("last_used_at")),
      instant(rs.getObject("revoked_at")));
  /**
   * SQL condition on grant {@code g}: its endpoint still is the one consented to — the hub, or the
   * very bundle (by id) whose slug the endpoint path names.
   */
  static final String SAME_ENDPOINT = "(g.resource = '" + ResourceNames.HUB + "' OR EXISTS (SELECT 1 FROM bundles b "
      + "WHERE b.id = g.bundle_id AND '" + ResourceNames.BUNDLE_PREFIX + "' || b.slug = g.resource))";
  private final Jdbi jdbi;

  public GrantRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public void insert(String userId, ConnectedApp app) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO as_grants (id, user_id, client_id, client_name, redirect_host, "
            + "verified, resource, bundle_id, created_at) VALUES (:id, :user, :client, :name, :host, :verified, "
            + ":resource, (SELECT id FROM bundles WHERE '" + ResourceNames.BUNDLE_PREFIX + "' || slug = :resource), :at)")
        .bind("id", app.id()).bind("user", userId).bind("client", app.clientId()).bind("name", app.clientName())
        .bind("host", app.redirectHost()).bind("verified", app.verified() ? 1 : 0)
        .bind("resource", app.resourcePath()).bind("at", app.createdAt().toEpochMilli())
        .execute());
  }

  public List<ConnectedApp> byUser(String userId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM as_grants WHERE user_id = :u "
            + "ORDER BY revoked_at IS NOT NULL, created_at DESC, id")
        .bind("u", userId).map(APP).list());
  }

  public Optional<ConnectedApp> byId(String userId, String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM as_grants WHERE user_id = :u AND id = :id")
        .bind("u", userId).bind("id", id).map(APP).findOne());
  }

  /** A grant by id whoever owns it (the token endpoint knows the grant, not the user). */
  public ConnectedApp byIdAnyUser(String id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM as_grants WHERE id = :id")
        .bind("id", id).map(APP).one());
  }

  /** The user a grant belongs to. */
  public Optional<String> userOf(String grantId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM as_grants WHERE id = :id")
        .bind("id", grantId).mapTo(String.class).findOne());
  }

  /** Revokes a live grant and deletes its codes and tokens; answers whether it was live. */
  public boolean revoke(String grantId, Instant at) {
    return jdbi.inTransaction(h -> {
      int n = h.createUpdate("UPDATE as_grants SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
          .bind("at", at.toEpochMilli()).bind("id", grantId).execute();
      h.createUpdate("DELETE FROM as_tokens WHERE grant_id = :id").bind("id", grantId).execute();
      return n == 1;
    });
  }

  /** Revokes every live grant of a user and deletes their codes and tokens. */
  public void revokeUser(String userId, Instant at) {
    jdbi.useTransaction(h -> {
      h.createUpdate("DELETE FROM as_tokens WHERE grant_id IN (SELECT id FROM as_grants WHERE user_id = :u)")
          .bind("u", userId).execute();
      h.createUpdate("UPDATE as_grants SET revoked_at = :at WHERE user_id = :u AND revoked_at IS NULL")
          .bind("at", at.toEpochMilli()).bind("u", userId).execute();
    });
  }

  public void touch(String grantId, Instant at) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE as_grants SET last_used_at = :at WHERE id = :id")
        .bind("at", at.toEpochMilli()).bind("id", grantId).execute());
  }

  static Optional<Instant> instant(Object epochMillis) {
    return epochMillis == null
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(((Number) epochMillis).longValue()));
  }
}
