package dev.switchboard.credential;

import dev.switchboard.audit.AuditTrail;
import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.store.Ids;
import dev.switchboard.vault.SealedPayload;
import dev.switchboard.vault.SecretFields;
import dev.switchboard.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The OAuth side of credentials (DESIGN.md §5): saving tokens from a grant, reading them for a
 * refresh, a per-credential refresh lease shared by all instances through the database (the row
 * is re-read after taking it), and recording refresh outcomes. Thread safe.
 */
public final class TokenStore {
  private final CredentialRows rows;
  private final Vault vault;
  private final Clock clock;
  private final CredentialEvents events;
  private final CurrentCredential currentRule;
  private final AuditHook audit;

  public TokenStore(CredentialRows rows, Vault vault, Clock clock, CredentialEvents events,
      CurrentCredential currentRule, AuditTrail audit) {
    this.audit = new AuditHook(audit);
    this.rows = rows;
    this.vault = vault;
    this.clock = clock;
    this.events = events;
    this.currentRule = currentRule;
  }

  private Jdbi jdbi() {
    return rows.jdbi();
  }

  /** Creates an OAuth credential from a grant: ACTIVE, UNVERIFIED until its validation tool runs. */
  public Credential create(String userId, String provider, String label, OAuthGrant grant) {
    String id = Ids.next("cred");
    SealedPayload sealed = vault.seal(userId, id, SecretFields.of(grant.secrets()));
    Credential saved = jdbi().inTransaction(h -> {
      String free = ProfileNames.free(rows.ofProvider(h, userId, provider), label);
      Credential credential = new Credential(id, userId, provider, AuthMethodType.OAUTH2, free,
          CredentialStatus.ACTIVE, Verification.UNVERIFIED, Optional.empty(), Optional.empty(),
          grant.scopes(), grant.account(), grant.expiresAt(), clock.instant(), Optional.empty(),
          Optional.empty(), 0, 0, sealed.keyId(), Map.of("access_token", "••••"), false);
      rows.insert(h, credential, sealed);
      rows.setOAuthState(h, id, grant.scopes(), grant.expiresAt(), grant.account());
      return rows.find(h, userId, id).orElseThrow();
    });
    events.changed(userId, id);
    audit.record(userId, "CREATED", id, provider, "OAUTH2");
    return saved;
  }

  /**
   * Replaces the tokens of an existing credential (re-authorization); it is UNVERIFIED again, so it
   * stops being current until its validation passes (no notification: the owner is re-authorizing).
   */
  public Credential replace(String userId, String id, OAuthGrant grant) {
    SealedPayload sealed = vault.seal(userId, id, SecretFields.of(grant.secrets()));
    Credential saved = jdbi().inTransaction(h -> {
      Credential before = rows.find(h, userId, id).orElseThrow(() -> SwitchboardException.notFound("credential"));
      rows.replaceSecrets(h, id, sealed);
      rows.setOAuthState(h, id, grant.scopes(), grant.expiresAt(), grant.account());
      return currentRule.apply(h, before, new StateEvent.Reauthorized()).after();
    });
    events.changed(userId, id);
    return saved;
  }

  /** The decrypted fields of one of the user's credentials. */
  public SecretFields secrets(String userId, String id) {
    SealedPayload sealed = jdbi().withHandle(h -> rows.payload(h, userId, id))
        .orElseThrow(() -> SwitchboardException.notFound("credential"));
    return vault.open(userId, id, sealed);
  }

  /** Takes the refresh lease of a credential until {@code until}; false when another holds it. */
  public boolean lease(String id, Instant until) {
    return jdbi().withHandle(h -> rows.takeLease(h, id, clock.instant(), until));
  }

  public void release(String id) {
    jdbi().useHandle(h -> rows.releaseLease(h, id));
  }

  /** Re-reads a credential (after taking the lease, to skip a refresh someone else made). */
  public Optional<Credential> reread(String userId, String id) {
    return jdbi().withHandle(h -> rows.find(h, userId, id));
  }

  /**
   * Stores refreshed tokens first of all (a rotated refresh token must never be lost). The audit
   * names {@code actor} (the user who forced the refresh), or Switchboard when empty.
   */
  public void refreshed(String userId, String id, Map<String, String> secrets, Set<String> scopes,
      Optional<Instant> expiresAt, Optional<String> actor) {
    SealedPayload sealed = vault.seal(userId, id, SecretFields.of(secrets));
    jdbi().useTransaction(h -> {
      rows.replaceSecrets(h, id, sealed);
      rows.recordRefresh(h, id, scopes, expiresAt);
    });
    String provider = reread(userId, id).map(Credential::provider).orElse("");
    if (actor.isPresent()) {
      audit.record(userId, actor.get(), "REFRESHED", id, provider, null);
    } else {
      audit.recordBySwitchboard(userId, "REFRESHED", id, provider, null);
    }
  }

  /**
   * A refresh failed for good: EXPIRED, tools hidden; when it was current, the most recently
   * verified other credential takes over (or none) and the owner is told.
   */
  public void expired(String userId, String id, String message) {
    Optional<StateChange> change = jdbi().inTransaction(h -> rows.find(h, userId, id)
        .map(c -> currentRule.apply(h, c, new StateEvent.RefreshFailedForGood(message))));
    events.changed(userId, id);
    change.ifPresent(currentRule::announce);
    audit.recordBySwitchboard(userId, "EXPIRED", id, reread(userId, id).map(Credential::provider).orElse(""),
        message);
  }

  /** A refresh failed for now: counted, retried after {@code retryAt}; state unchanged. */
  public void failedForNow(String id, Instant retryAt) {
    jdbi().useHandle(h -> rows.recordRefreshFailure(h, id, retryAt));
  }

  /** OAuth credentials whose access token expires before {@code before} and may be refreshed now. */
  public List<Credential> due(Instant before, int limit) {
    return jdbi().withHandle(h -> rows.dueForRefresh(h, before, clock.instant(), limit));
  }
}
