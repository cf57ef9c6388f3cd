package dev.switchboard.credential.internal;

import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialFilter;
import dev.switchboard.credential.CredentialStatus;
import dev.switchboard.credential.Verification;
import dev.switchboard.vault.SealedPayload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL of the {@code credentials} and {@code current_credentials} tables. Every read and write of a
 * user's row names the user: a row of someone else is simply not found.
 */
public final class CredentialRows {
  private static final String SELECT = "SELECT c.*, (cc.credential_id IS NOT NULL) AS is_current "
      + "FROM credentials c LEFT JOIN current_credentials cc "
      + "ON cc.user_id = c.user_id AND cc.provider = c.provider AND cc.credential_id = c.id ";

  private final Jdbi jdbi;
  private final CredentialMapper mapper;

  public CredentialRows(Jdbi jdbi, CredentialMapper mapper) {
    this.jdbi = jdbi;
    this.mapper = mapper;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public void insert(Handle h, Credential c, SealedPayload payload) {
    h.createUpdate("INSERT INTO credentials (id, user_id, provider, auth_method, label, payload, "
            + "key_id, display_fields, status, verification, granted_scopes, account, created_at, "
            + "version) VALUES (:id, :user, :provider, :method, :label, :payload, :key, :display, "
            + ":status, :verification, :scopes, :account, :created, 0)")
        .bind("id", c.id()).bind("user", c.userId()).bind("provider", c.provider())
        .bind("method", c.authMethod().name()).bind("label", c.label())
        .bind("payload", payload.token()).bind("key", payload.keyId())
        .bind("display", mapper.displayJson(c.fields()))
        .bind("status", c.status().name()).bind("verification", c.verification().name())
        .bind("scopes", String.join(" ", c.grantedScopes()))
        .bind("account", c.account().orElse(null))
        .bind("created", c.createdAt().toEpochMilli())
        .execute();
  }

  public Optional<Credential> find(Handle h, String userId, String id) {
    return h.createQuery(SELECT + "WHERE c.user_id = :user AND c.id = :id")
        .bind("user", userId).bind("id", id).map(mapper).findOne();
  }

  /** The user's credentials, newest first, optionally after a cursor position. */
  public List<Credential> list(Handle h, String userId, CredentialFilter filter, int limit) {
    StringBuilder sql = new StringBuilder(SELECT).append("WHERE c.user_id = :user");
    filter.provider().ifPresent(p -> sql.append(" AND c.provider = :provider"));
    filter.status().ifPresent(s -> sql.append(" AND c.status = :status"));
    filter.verification().ifPresent(v -> sql.append(" AND c.verification = :verification"));
    filter.after().ifPresent(a -> sql.append(
        " AND (c.created_at < :afterAt OR (c.created_at = :afterAt AND c.id < :afterId))"));
    sql.append(" ORDER BY c.created_at DESC, c.id DESC LIMIT :limit");
    var query = h.createQuery(sql.toString()).bind("user", userId).bind("limit", limit);
    filter.provider().ifPresent(p -> query.bind("provider", p));
    filter.status().ifPresent(s -> query.bind("status", s.name()));
    filter.verification().ifPresent(v -> query.bind("verification", v.name()));
    filter.after().ifPresent(a -> query.bind("afterAt", a.at()).bind("afterId", a.id()));
    return query.map(mapper).list();
  }

  /** The user's credentials of one provider (all statuses). */
  public List<Credential> ofProvider(Handle h, String userId, String provider) {
    return h.createQuery(SELECT + "WHERE c.user_id = :user AND c.provider = :provider")
        .bind("user", userId).bind("provider", provider).map(mapper).list();
  }

  /** The user's ACTIVE credentials, current or not. */
  public List<Credential> activeOfUser(Handle h, String userId) {
    return h.createQuery(SELECT + "WHERE c.user_id = :user AND c.status = :active")
        .bind("user", userId).bind("active", CredentialStatus.ACTIVE.name()).map(mapper).list();
  }

  /** The user's current credentials, one per provider at most. */
  public List<Credential> currentOfUser(Handle h, String userId) {
    return h.createQuery(SELECT + "WHERE c.user_id = :user AND cc.credential_id IS NOT NULL")
        .bind("user", userId).map(mapper).list();
  }

  /** Sets the verification state; {@code verifiedAt} is written only when present. */
  public void setVerification(Handle h, String userId, String id, Verification verification,
      String code, String message, Instant verifiedAt) {
    h.createUpdate("UPDATE credentials SET verification = :v, verification_code = :code, "
            + "verification_message = :message, last_verified_at = COALESCE(:at, last_verified_at), "
            + "version = version + 1 WHERE user_id = :user AND id = :id")
        .bind("v", verification.name()).bind("code", code).bind("message", message)
        .bind("at", verifiedAt == null ? null : verifiedAt.toEpochMilli())
        .bind("user", userId).bind("id", id).execute();
  }

  /** Records a use; at most one write per credential and minute is enough for people to read. */
  public void touchLastUsed(String id, Instant at) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE credentials SET last_used_at = :at WHERE id = :id "
            + "AND (last_used_at IS NULL OR last_used_at < :before)")
        .bind("at", at.toEpochMilli()).bind("before", at.toEpochMilli() - 60_000).bind("id", id)
        .execute());
  }

  /** The OAuth part of a row: granted scopes, access-token expiry, account. */
  public void setOAuthState(Handle h, String id, Set<String> scopes, Optional<Instant> expiresAt,
      Optional<String> account) {
    h.createUpdate("UPDATE credentials SET granted_scopes = :scopes, access_expires_at = :expires, "
            + "account = COALESCE(:account, account), refresh_failures = 0, next_refresh_at = NULL, "
            + "version = version + 1 WHERE id = :id")
        .bind("scopes", String.join(" ", new TreeSet<>(scopes)))
        .bind("expires", expiresAt.map(Instant::toEpochMilli).orElse(null))
        .bind("account", account.orElse(null)).bind("id", id).execute();
  }

  public void replaceSecrets(Handle h, String id, SealedPayload payload) {
    h.createUpdate("UPDATE credentials SET payload = :payload, key_id = :key, version = version + 1 "
            + "WHERE id = :id")
        .bind("payload", payload.token()).bind("key", payload.keyId()).bind("id", id).execute();
  }

  /** Takes the refresh lease when free or lapsed; true when this caller now holds it. */
  public boolean takeLease(Handle h, String id, Instant now, Instant until) {
    return h.createUpdate("UPDATE credentials SET refresh_lock_until = :until WHERE id = :id "
            + "AND (refresh_lock_until IS NULL OR refresh_lock_until < :now)")
        .bind("until", until.toEpochMilli()).bind("now", now.toEpochMilli()).bind("id", id).execute() == 1;
  }

  public void releaseLease(Handle h, String id) {
    h.createUpdate("UPDATE credentials SET refresh_lock_until = NULL WHERE id = :id").bind("id", id).execute();
  }

  public void recordRefresh(Handle h, String id, Set<String> scopes, Optional<Instant> expiresAt) {
    h.createUpdate("UPDATE credentials SET access_expires_at = :expires, refresh_failures = 0, "
            + "next_refresh_at = NULL, granted_scopes = CASE WHEN :scopes = '' THEN granted_scopes "
            + "ELSE :scopes END, version = version + 1 WHERE id = :id")
        .bind("expires", expiresAt.map(Instant::toEpochMilli).orElse(null))
        .bind("scopes", String.join(" ", new TreeSet<>(scopes))).bind("id", id).execute();
  }

  public void recordRefreshFailure(Handle h, String id, Instant retryAt) {
    h.createUpdate("UPDATE credentials SET refresh_failures = refresh_failures + 1, "
            + "next_refresh_at = :retry WHERE id = :id")
        .bind("retry", retryAt.toEpochMilli()).bind("id", id).execute();
  }

  /** ACTIVE OAuth credentials, not EXPIRED, whose token expires before {@code before} and are not backing off. */
  public List<Credential> dueForRefresh(Handle h, Instant before, Instant now, int limit) {
    return h.createQuery(SELECT + "WHERE c.auth_method = 'OAUTH2' AND c.status = 'ACTIVE' "
            + "AND c.verification <> 'EXPIRED' AND c.access_expires_at IS NOT NULL "
            + "AND c.access_expires_at < :before AND (c.next_refresh_at IS NULL OR c.next_refresh_at <= :now) "
            + "ORDER BY c.access_expires_at LIMIT :limit")
        .bind("before", before.toEpochMilli()).bind("now", now.toEpochMilli()).bind("limit", limit)
        .map(mapper).list();
  }

  /** Provider slug, verification and whether it is current, of each of the user's ACTIVE credentials. */
  public List<ProviderVerification> activeVerifications(Handle h, String userId) {
    return h.createQuery("SELECT c.provider, c.verification, (cc.credential_id IS NOT NULL) AS is_current "
            + "FROM credentials c LEFT JOIN current_credentials cc ON cc.user_id = c.user_id "
            + "AND cc.provider = c.provider AND cc.credential_id = c.id "
            + "WHERE c.user_id = :user AND c.status = :active")
        .bind("user", userId).bind("active", CredentialStatus.ACTIVE.name())
        .map((rs, ctx) -> new ProviderVerification(rs.getString("provider"),
            Verification.valueOf(rs.getString("verification")), rs.getBoolean("is_current")))
        .list();
  }

  public boolean rename(Handle h, String userId, String id, String label) {
    return h.createUpdate("UPDATE credentials SET label = :label, version = version + 1 "
            + "WHERE user_id = :user AND id = :id")
        .bind("label", label).bind("user", userId).bind("id", id).execute() == 1;
  }

  public boolean setStatus(Handle h, String userId, String id, CredentialStatus status) {
    return h.createUpdate("UPDATE credentials SET status = :status, version = version + 1 "
            + "WHERE user_id = :user AND id = :id")
        .bind("status", status.name()).bind("user", userId).bind("id", id).execute() == 1;
  }

  public boolean delete(Handle h, String userId, String id) {
    h.createUpdate("DELETE FROM current_credentials WHERE user_id = :user AND credential_id = :id")
        .bind("user", userId).bind("id", id).execute();
    return h.createUpdate("DELETE FROM credentials WHERE user_id = :user AND id = :id")
        .bind("user", userId).bind("id", id).execute() == 1;
  }

  /** Owner and id of every credential of a provider, any user's (to erase a deleted provider's). */
  public List<Map.Entry<String, String>> ownersOfProvider(Handle h, String provider) {
    return h.createQuery("SELECT user_id, id FROM credentials WHERE provider = :provider ORDER BY user_id, id")
        .bind("provider", provider)
        .map((rs, ctx) -> Map.entry(rs.getString("user_id"), rs.getString("id"))).list();
  }

  public Optional<String> currentId(Handle h, String userId, String provider) {
    return h.createQuery("SELECT credential_id FROM current_credentials "
            + "WHERE user_id = :user AND provider = :provider")
        .bind("user", userId).bind("provider", provider).mapTo(String.class).findOne();
  }

  /** Makes {@code id} current, or clears the current credential when {@code id} is empty. */
  public void setCurrent(Handle h, String userId, String provider, Optional<String> id) {
    h.createUpdate("DELETE FROM current_credentials WHERE user_id = :user AND provider = :provider")
        .bind("user", userId).bind("provider", provider).execute();
    id.ifPresent(credentialId -> h.createUpdate("INSERT INTO current_credentials "
            + "(user_id, provider, credential_id) VALUES (:user, :provider, :id)")
        .bind("user", userId).bind("provider", provider).bind("id", credentialId).execute());
  }

  /** The encrypted payload of one of the user's credentials. */
  public Optional<SealedPayload> payload(Handle h, String userId, String id) {
    return h.createQuery("SELECT key_id, payload FROM credentials WHERE user_id = :user AND id = :id")
        .bind("user", userId).bind("id", id)
        .map((rs, ctx) -> new SealedPayload(rs.getString("key_id"), rs.getString("payload")))
        .findOne();
  }

  /** Every key id that some stored row needs to be decrypted. */
  public List<String> keyIdsInUse() {
    return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT key_id FROM credentials ORDER BY key_id")
        .mapTo(String.class).list());
  }

  public long countOnKey(String keyId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM credentials WHERE key_id = :k")
        .bind("k", keyId).mapTo(Long.class).one());
  }

  /** Up to {@code limit} rows not yet encrypted with {@code primaryKeyId}. */
  public List<SealedRow> notOnKey(String primaryKeyId, int limit) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, user_id, key_id, payload, version "
            + "FROM credentials WHERE key_id <> :k ORDER BY id LIMIT :limit")
        .bind("k", primaryKeyId).bind("limit", limit)
        .map(SealedRow.MAPPER)
        .list());
  }

  /**
   * Up to {@code limit} rows on key {@code keyId} from id {@code from} on, wrapping round to the
   * first ones when fewer follow it (a cheap sample when {@code from} is random).
   */
  public List<SealedRow> sampleOnKey(String keyId, String from, int limit) {
    return jdbi.withHandle(h -> {
      List<SealedRow> found = new ArrayList<>(h.createQuery("SELECT id, user_id, key_id, "
              + "payload, version FROM credentials WHERE key_id = :k AND id >= :from ORDER BY id LIMIT :limit")
          .bind("k", keyId).bind("from", from).bind("limit", limit).map(SealedRow.MAPPER).list());
      if (found.size() < limit) {
        h.createQuery("SELECT id, user_id, key_id, payload, version FROM credentials "
                + "WHERE key_id = :k AND id < :from ORDER BY id LIMIT :limit")
            .bind("k", keyId).bind("from", from).bind("limit", limit - found.size())
            .map(SealedRow.MAPPER).forEach(found::add);
      }
      return found;
    });
  }

  /** Up to {@code limit} rows with an id after {@code afterId}, in id order. */
  public List<SealedRow> after(String afterId, int limit) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, user_id, key_id, payload, version "
            + "FROM credentials WHERE id > :after ORDER BY id LIMIT :limit")
        .bind("after", afterId).bind("limit", limit)
        .map(SealedRow.MAPPER)
        .list());
  }

  /** Replaces a payload if the row is still at {@code version}; false when someone changed it. */
  public boolean replacePayload(SealedRow row, SealedPayload payload) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE credentials SET payload = :payload, "
            + "key_id = :key, version = version + 1 WHERE id = :id AND version = :version")
        .bind("payload", payload.token()).bind("key", payload.keyId())
        .bind("id", row.id()).bind("version", row.version()).execute()) == 1;
  }

  static Optional<Instant> instant(Object epochMillis) {
    return epochMillis == null
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(((Number) epochMillis).longValue()));
  }
}
