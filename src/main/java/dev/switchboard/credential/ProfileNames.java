package dev.switchboard.credential;

import dev.switchboard.error.FieldErrors;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Profile names (a credential's label, seed "Connections & Profiles") are unique per user and
 * provider, compared without regard to case; the database keeps them apart too (V14).
 */
public final class ProfileNames {
  private ProfileNames() {}

  /** The credential among {@code ofProvider} named {@code label}, if any. */
  public static Optional<Credential> named(List<Credential> ofProvider, String label) {
    return ofProvider.stream().filter(c -> c.label().equalsIgnoreCase(label.trim())).findFirst();
  }

  /** {@code wanted} when free, else the first free of "wanted 2", "wanted 3", … */
  static String free(List<Credential> ofProvider, String wanted) {
    String name = wanted;
    for (int n = 2; named(ofProvider, name).isPresent(); n++) {
      name = wanted + " " + n;
    }
    return name;
  }

  /** Refuses a name another profile of the provider has (except {@code self}, when renaming). */
  static void requireFree(List<Credential> ofProvider, String label, String providerName, Optional<String> self) {
    Optional<Credential> other = named(ofProvider, label)
        .filter(c -> self.map(id -> !id.equals(c.id())).orElse(true));
    if (other.isPresent()) {
      throw new FieldErrors(Map.of("label", "is taken: a profile named '" + other.get().label()
          + "' already exists for " + providerName + "; choose another name"));
    }
  }
}
