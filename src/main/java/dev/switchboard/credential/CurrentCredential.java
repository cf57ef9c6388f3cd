package dev.switchboard.credential;

import dev.switchboard.audit.Notifications;
import dev.switchboard.credential.StateEvent.CallRejectedConfirmed;
import dev.switchboard.credential.StateEvent.Deleted;
import dev.switchboard.credential.StateEvent.Disabled;
import dev.switchboard.credential.StateEvent.Enabled;
import dev.switchboard.credential.StateEvent.MadeCurrent;
import dev.switchboard.credential.StateEvent.Reauthorized;
import dev.switchboard.credential.StateEvent.RefreshFailedForGood;
import dev.switchboard.credential.StateEvent.ValidationAbandoned;
import dev.switchboard.credential.StateEvent.ValidationFailed;
import dev.switchboard.credential.StateEvent.ValidationPassed;
import dev.switchboard.credential.StateEvent.ValidationStarted;
import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The credential state machine (docs/credentials.md): every transition is an event ({@link StateEvent})
 * applied by {@link #apply}, which checks it is allowed, writes the new state and re-applies the one
 * rule for a provider's current credential (DESIGN.md §4, docs/credentials.md): the current
 * credential is ACTIVE and VERIFIED; when it stops being so, the most recently verified other
 * ACTIVE and VERIFIED credential takes over, or none does. A credential that is not VERIFIED is never
 * made current automatically. The owner is told when a failure (ERROR, EXPIRED) or disabling took
 * the current credential away. Thread safe.
 */
public final class CurrentCredential {
  private final CredentialRows rows;
  private final ProviderRegistry catalog;
  private final Notifications notifications;

  public CurrentCredential(CredentialRows rows, ProviderRegistry catalog, Notifications notifications) {
    this.rows = rows;
    this.catalog = catalog;
    this.notifications = notifications;
  }

  /**
   * Applies {@code event} to {@code c} (as read in {@code h}'s transaction): refuses it when the
   * state does not allow it ({@link #refusal}), writes the new state and re-applies the
   * current-credential rule. The caller reports the change after the commit ({@link #announce}).
   */
  StateChange apply(Handle h, Credential c, StateEvent event) {
    Optional<SwitchboardException> refused = refusal(c, event);
    if (refused.isPresent()) {
      throw refused.get();
    }
    String userId = c.userId();
    String id = c.id();
    if (event instanceof ValidationStarted) {
      rows.setVerification(h, userId, id, Verification.PENDING, null, null, null);
      return new StateChange(event, rows.find(h, userId, id).orElse(c), Optional.empty());
    } else if (event instanceof ValidationAbandoned e) {
      rows.setVerification(h, userId, id, e.before().verification(), e.before().verificationCode().orElse(null),
          e.before().verificationMessage().orElse(null), null);
      return new StateChange(event, rows.find(h, userId, id).orElse(c), Optional.empty());
    } else if (event instanceof ValidationPassed e) {
      rows.setVerification(h, userId, id, Verification.VERIFIED, null, null, e.at());
      rows.setCurrent(h, userId, c.provider(), Optional.of(id));
      return new StateChange(event, rows.find(h, userId, id).orElse(c), Optional.empty());
    } else if (event instanceof MadeCurrent) {
      rows.setCurrent(h, userId, c.provider(), Optional.of(id));
      return new StateChange(event, rows.find(h, userId, id).orElse(c), Optional.empty());
    } else if (event instanceof ValidationFailed e) {
      rows.setVerification(h, userId, id, Verification.ERROR, e.code(), e.reason(), null);
    } else if (event instanceof CallRejectedConfirmed e) {
      rows.setVerification(h, userId, id, Verification.ERROR, e.code(), e.reason(), null);
    } else if (event instanceof RefreshFailedForGood e) {
      rows.setVerification(h, userId, id, Verification.EXPIRED, "refresh_failed", e.reason(), null);
    } else if (event instanceof Reauthorized) {
      rows.setVerification(h, userId, id, Verification.UNVERIFIED, null, null, null);
    } else if (event instanceof Disabled) {
      rows.setStatus(h, userId, id, CredentialStatus.DISABLED);
    } else if (event instanceof Enabled) {
      rows.setStatus(h, userId, id, CredentialStatus.ACTIVE);
    } else if (event instanceof Deleted) {
      rows.delete(h, userId, id);
    }
    // the credential may have stopped being usable: the rule picks the current one again
    Optional<Takeover> takeover = Optional.of(settle(h, userId, c.provider()));
    return new StateChange(event, rows.find(h, userId, id).orElse(c), takeover);
  }

  /**
   * Why {@code event} may not happen to {@code c} now (the "from" column of docs/credentials.md),
   * or empty when it may. Events not listed here are allowed from every state.
   */
  static Optional<SwitchboardException> refusal(Credential c, StateEvent event) {
    boolean active = c.status() == CredentialStatus.ACTIVE;
    boolean verified = c.verification() == Verification.VERIFIED;
    if (event instanceof ValidationStarted && !active) {
      return Optional.of(SwitchboardException.conflict("credential_disabled",
          "enable the credential before verifying it"));
    }
    if (event instanceof MadeCurrent && !active) {
      return Optional.of(SwitchboardException.conflict("credential_disabled",
          "enable the credential before making it current"));
    }
    if (event instanceof MadeCurrent && !verified) {
      return Optional.of(SwitchboardException.conflict("credential_not_verified", "only a VERIFIED credential can "
          + "be current; '" + c.label() + "' is " + c.verification() + ": run its validation first"));
    }
    if (event instanceof CallRejectedConfirmed && !verified) {
      return Optional.of(SwitchboardException.conflict("credential_not_verified",
          "only a VERIFIED credential can fail on a call"));
    }
    return Optional.empty();
  }

  /**
   * After the commit of {@code change}: tells the owner when a failure or disabling took the current
   * credential away, or when a passed validation ended a "no usable credential" problem.
   */
  void announce(StateChange change) {
    StateEvent event = change.event();
    if (event instanceof ValidationPassed) {
      verified(change.after().userId(), change.after().provider(), change.after());
    } else if (event instanceof ValidationFailed || event instanceof CallRejectedConfirmed
        || event instanceof RefreshFailedForGood || event instanceof Disabled) {
      change.takeover().ifPresent(this::tell);
    }
  }

  /**
   * Re-applies the rule inside the caller's transaction: keeps the current credential while it is
   * usable, else makes the most recently verified usable one current (or none).
   */
  private Takeover settle(Handle h, String userId, String provider) {
    List<Credential> all = rows.ofProvider(h, userId, provider);
    Optional<Credential> current = all.stream().filter(Credential::current).findFirst();
    if (current.isPresent() && current.get().usable()) {
      return new Takeover(userId, provider, current, current);
    }
    Optional<Credential> next = best(all);
    if (current.isPresent() || next.isPresent()) {
      rows.setCurrent(h, userId, provider, next.map(Credential::id));
    }
    return new Takeover(userId, provider, current, next);
  }

  /** The usable credential verified most recently, if any. */
  static Optional<Credential> best(List<Credential> candidates) {
    return candidates.stream().filter(Credential::usable)
        .max(Comparator.comparing((Credential c) -> c.lastVerifiedAt().orElse(Instant.EPOCH))
            .thenComparing(Credential::createdAt));
  }

  /**
   * After the commit of a passed validation: a "no usable credential" problem of the provider is
   * over, so its notification is marked resolved and the owner is told the tools work again.
   */
  private void verified(String userId, String provider, Credential credential) {
    if (notifications.resolve(userId, subject(provider)) > 0) {
      String name = catalog.find(provider).map(Provider::name).orElse(provider);
      notifications.raise(userId, "PROVIDER_OPERATIONAL", name + ": operational again",
          "'" + credential.label() + "' is verified and current; " + name + " tools work again.", "",
          "/providers/" + provider);
    }
  }

  private static String subject(String provider) {
    return "provider:" + provider;
  }

  /** After the commit: a notification when {@code takeover} took the current credential away from a failed or disabled one. */
  private void tell(Takeover takeover) {
    if (!takeover.changed() || takeover.before().isEmpty()) {
      return;
    }
    Credential left = takeover.before().get();
    Provider provider = catalog.find(takeover.provider()).orElse(null);
    String name = provider == null ? takeover.provider() : provider.name();
    String why = left.status() == CredentialStatus.DISABLED ? "was disabled"
        : switch (left.verification()) {
          case ERROR -> "failed validation (" + left.verificationCode().orElse("error") + ")";
          case EXPIRED -> "expired and could not be refreshed";
          default -> "is not verified";
        };
    String link = "/providers/" + takeover.provider();
    if (takeover.after().isPresent()) {
      Credential next = takeover.after().get();
      notifications.raise(takeover.userId(), "CURRENT_CREDENTIAL_REPLACED",
          name + ": now using '" + next.label() + "'",
          "The current credential '" + left.label() + "' of " + name + " " + why + ". '" + next.label()
              + "', the most recently verified other credential, is now current; " + name
              + " tools keep working with it.",
          "Check '" + left.label() + "' and validate it again (or re-authorize) if you want it back.", link);
    } else {
      notifications.raise(takeover.userId(), "NO_USABLE_CREDENTIAL", name + ": no usable credential",
          "The current credential '" + left.label() + "' of " + name + " " + why + ", and no other credential of "
              + name + " is verified. Its tools are unavailable.",
          "Open " + name + ", then validate a credential, re-authorize, or add a new one.", link,
          subject(takeover.provider()));
    }
  }
}
