package dev.switchboard.credential;

import dev.switchboard.audit.Notifications;
import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderRegistry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The one rule for a provider's current credential (DESIGN.md §4, docs/credentials.md): the current
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
   * Re-applies the rule inside the caller's transaction: keeps the current credential while it is
   * usable, else makes the most recently verified usable one current (or none).
   */
  Takeover settle(Handle h, String userId, String provider) {
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
  void verified(String userId, String provider, Credential credential) {
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
  void tell(Takeover takeover) {
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
