package dev.switchboard.credential;

import dev.switchboard.audit.AuditTrail;
import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.credential.internal.ProviderVerification;
import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.store.Cursor;
import dev.switchboard.store.Page;
import dev.switchboard.store.UniqueViolation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of a user's credentials (DESIGN.md §4): reading, renaming, disabling, enabling,
 * deleting and choosing the current one. Creating lives in {@link CredentialCreation}. Every method
 * takes the calling user's id; another user's credential id is "not found". Thread safe.
 */
public final class Credentials {
  private static final Logger LOG = LoggerFactory.getLogger(Credentials.class);
  private static final int MAX_PAGE = 200;
  private final CredentialRows rows;
  private final ProviderRegistry catalog;
  private final CredentialEvents events;
  private final CurrentCredential currentRule;
  private final CredentialEraseHook eraseHook;
  private final AuditHook audit;

  /** {@code eraseHook} runs before every erase (OAuth revocation); {@link CredentialEraseHook#NONE} for none. */
  public Credentials(CredentialRows rows, ProviderRegistry catalog, CredentialEvents events,
      CurrentCredential currentRule, AuditTrail audit, CredentialEraseHook eraseHook) {
    this.audit = new AuditHook(audit);
    this.eraseHook = eraseHook;
    this.rows = rows;
    this.catalog = catalog;
    this.events = events;
    this.currentRule = currentRule;
  }

  /**
   * What the user can use right now: one query for all their ACTIVE credentials. A provider without
   * a current credential keeps its newest ACTIVE one to explain why its tools are unavailable.
   */
  public UserAccess access(String userId) {
    Map<String, Credential> current = new HashMap<>();
    Map<String, Credential> waiting = new HashMap<>();
    for (Credential c : rows.jdbi().withHandle(h -> rows.activeOfUser(h, userId))) {
      if (c.current()) {
        current.put(c.provider(), c);
      } else {
        waiting.merge(c.provider(), c, (a, b) -> a.createdAt().isAfter(b.createdAt()) ? a : b);
      }
    }
    return new UserAccess(catalog, current, waiting);
  }

  public Credential get(String userId, String id) {
    return rows.jdbi().withHandle(h -> require(h, userId, id));
  }

  /** The user's credential, or empty when it is missing or someone else's. */
  public Optional<Credential> find(String userId, String id) {
    return rows.jdbi().withHandle(h -> rows.find(h, userId, id));
  }

  /** The user's credentials of one provider, all statuses (its profiles). */
  public List<Credential> ofProvider(String userId, String provider) {
    return rows.jdbi().withHandle(h -> rows.ofProvider(h, userId, provider));
  }

  public Page<Credential> list(String userId, CredentialFilter filter, Optional<String> cursor, int limit) {
    Page.checkLimit(limit, MAX_PAGE);
    CredentialFilter positioned = new CredentialFilter(filter.provider(), filter.status(),
        filter.verification(), cursor.map(Cursor::decode));
    List<Credential> found = rows.jdbi().withHandle(h -> rows.list(h, userId, positioned, limit + 1));
    return Page.of(found, limit, c -> new Cursor(c.createdAt().toEpochMilli(), c.id()));
  }

  public Credential rename(String userId, String id, String label) {
    // a name taken by a concurrent request after the check: checked again, refused like any taken name
    return UniqueViolation.retried(() -> rows.jdbi().inTransaction(h -> {
      Credential c = require(h, userId, id);
      String checked = CredentialCreation.checkLabel(label);
      ProfileNames.requireFree(rows.ofProvider(h, userId, c.provider()), checked,
          catalog.find(c.provider()).map(Provider::name).orElse(c.provider()), Optional.of(id));
      rows.rename(h, userId, id, checked);
      return require(h, userId, id);
    }));
  }

  /**
   * Disables a credential; when it was current, the most recently verified other VERIFIED one takes
   * over (or none) and the owner is notified.
   */
  public Credential disable(String userId, String id) {
    Credential result = transition(userId, id, new StateEvent.Disabled());
    audit.record(userId, "DISABLED", id, result.provider(), null);
    return result;
  }

  /** Enables a credential; it becomes current when it is VERIFIED and its provider has no usable one. */
  public Credential enable(String userId, String id) {
    Credential result = transition(userId, id, new StateEvent.Enabled());
    audit.record(userId, "ENABLED", id, result.provider(), null);
    return result;
  }

  /** Erases a credential; when it was current, the most recently verified other one takes over. */
  public Credential delete(String userId, String id) {
    eraseHook.beforeErase(get(userId, id));
    return erase(userId, id);
  }

  /**
   * Erases every user's credentials of a provider that is being deleted, each like {@link #delete}
   * (revocation at the provider first, then the erase, then the events). A revocation that fails is
   * logged without detail and the credential is erased anyway. Answers how many were erased.
   */
  public int eraseProvider(String provider) {
    List<Map.Entry<String, String>> owners = rows.jdbi().withHandle(h -> rows.ownersOfProvider(h, provider));
    int erased = 0;
    for (Map.Entry<String, String> owner : owners) {
      try {
        delete(owner.getKey(), owner.getValue());
      } catch (SwitchboardException e) {
        if (e.kind() == ErrorKind.NOT_FOUND) {
          continue; // erased meanwhile
        }
        LOG.warn("revoking credential {} of deleted provider {} failed ({}); erasing it anyway",
            owner.getValue(), provider, e.code());
        erase(owner.getKey(), owner.getValue());
      } catch (RuntimeException e) {
        LOG.warn("revoking credential {} of deleted provider {} failed ({}); erasing it anyway",
            owner.getValue(), provider, e.getClass().getSimpleName());
        erase(owner.getKey(), owner.getValue());
      }
      erased++;
    }
    return erased;
  }

  /** The users who hold at least one credential of a provider, to tell them about it. */
  public List<String> usersOf(String provider) {
    return rows.jdbi().withHandle(h -> rows.ownersOfProvider(h, provider)).stream()
        .map(Map.Entry::getKey).distinct().toList();
  }

  private Credential erase(String userId, String id) {
    Credential result = transition(userId, id, new StateEvent.Deleted());
    audit.record(userId, "REVOKED", id, result.provider(), null);
    return result;
  }

  /** Makes an ACTIVE and VERIFIED credential the current one of its provider; others are refused (409). */
  public Credential makeCurrent(String userId, String id) {
    return transition(userId, id, new StateEvent.MadeCurrent());
  }

  /** Applies {@code event} ({@link CurrentCredential#apply}), then tells the listeners and the owner. */
  private Credential transition(String userId, String id, StateEvent event) {
    StateChange change = rows.jdbi().inTransaction(h -> currentRule.apply(h, require(h, userId, id), event));
    events.changed(userId, id);
    currentRule.announce(change);
    return change.after();
  }

  /**
   * The connection state of every provider the user has credentials for; absent means NONE.
   * CONNECTED needs the current credential to be usable, so a provider is never shown connected
   * while its tools have no credential to run with.
   */
  public Map<String, ConnectionState> connectionStates(String userId) {
    List<ProviderVerification> active = rows.jdbi().withHandle(h -> rows.activeVerifications(h, userId));
    Map<String, List<Verification>> byProvider = new HashMap<>();
    Set<String> currentUsable = new HashSet<>();
    for (ProviderVerification pv : active) {
      byProvider.computeIfAbsent(pv.provider(), p -> new ArrayList<>()).add(pv.verification());
      if (pv.current() && pv.verification() == Verification.VERIFIED) {
        currentUsable.add(pv.provider());
      }
    }
    return byProvider.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> ConnectionState.of(e.getValue(), currentUsable.contains(e.getKey()))));
  }

  private Credential require(Handle h, String userId, String id) {
    return rows.find(h, userId, id).orElseThrow(() -> SwitchboardException.notFound("credential"));
  }
}
