package dev.switchboard.credential;

import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.Provider;
import dev.switchboard.tool.Tool;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A snapshot of what one user can use right now: their current credential per provider and the
 * provider statuses. Answers {@link #of(Tool)} with map reads only, so listing a thousand tools costs
 * one query. Build a new snapshot per request; it does not follow later changes.
 */
public final class UserAccess {
  private final ProviderRegistry catalog;
  private final Map<String, Credential> currentByProvider;
  private final Map<String, Credential> waitingByProvider;

  /**
   * @param waitingByProvider for providers without a current credential, an ACTIVE credential that
   *     is not usable (not yet verified, failed): it only explains why the tools are unavailable
   */
  UserAccess(ProviderRegistry catalog, Map<String, Credential> currentByProvider,
      Map<String, Credential> waitingByProvider) {
    this.catalog = catalog;
    this.currentByProvider = Map.copyOf(currentByProvider);
    this.waitingByProvider = Map.copyOf(waitingByProvider);
  }

  /** The current credential of a provider, if any. */
  public Optional<Credential> current(String provider) {
    return Optional.ofNullable(currentByProvider.get(provider));
  }

  /** Availability of a tool with the user's current credential of its provider. */
  public Availability of(Tool tool) {
    return of(tool, current(tool.provider()));
  }

  /**
   * Availability of a tool with a given credential (a bundle's binding), or none. With none, a
   * credential of the provider that is not usable (and so not current) explains why.
   */
  public Availability of(Tool tool, Optional<Credential> given) {
    Optional<Credential> credential = given.or(() -> Optional.ofNullable(waitingByProvider.get(tool.provider()))
        .filter(c -> !c.usable()));
    Provider provider = catalog.find(tool.provider()).orElse(null);
    if (provider == null) {
      return Availability.no(Availability.Reason.PROVIDER_INACTIVE,
          "The provider " + tool.provider() + " is no longer in the catalog.", Set.of(), Optional.empty());
    }
    if (!provider.status().usable()) {
      return Availability.no(Availability.Reason.PROVIDER_INACTIVE, provider.name()
          + " is inactive (platform issue or maintenance). Your credentials are kept; its tools "
          + "return when it is active again.", Set.of(), credential.map(Credential::id));
    }
    if (credential.isEmpty() || credential.get().status() != CredentialStatus.ACTIVE) {
      return Availability.no(Availability.Reason.NO_CREDENTIAL, "Connect " + provider.name()
          + ": open Providers → " + provider.name() + " and add a credential.", Set.of(), Optional.empty());
    }
    Credential c = credential.get();
    Optional<String> id = Optional.of(c.id());
    switch (c.verification()) {
      case UNVERIFIED, PENDING -> {
        return Availability.no(Availability.Reason.UNVERIFIED, "Run validation for the credential '"
            + c.label() + "' of " + provider.name() + ".", Set.of(), id);
      }
      case ERROR -> {
        return Availability.no(Availability.Reason.ERROR, "The credential '" + c.label() + "' of "
            + provider.name() + " failed validation" + c.verificationMessage().map(m -> " (" + m + ")").orElse("")
            + ". Check it and validate again, or add a new one.", Set.of(), id);
      }
      case EXPIRED -> {
        return Availability.no(Availability.Reason.EXPIRED, "Re-authorize " + provider.name()
            + ": its token expired and could not be refreshed.", Set.of(), id);
      }
      case VERIFIED -> { }
    }
    if (c.authMethod() == AuthMethodType.OAUTH2 && !c.grantedScopes().containsAll(tool.requiredScopes())) {
      Set<String> missing = new TreeSet<>(tool.requiredScopes());
      missing.removeAll(c.grantedScopes());
      return Availability.no(Availability.Reason.SCOPE_MISMATCH, "Re-authorize " + provider.name()
          + " and grant " + String.join(", ", missing) + ".", missing, id);
    }
    return Availability.yes(c.id());
  }
}
