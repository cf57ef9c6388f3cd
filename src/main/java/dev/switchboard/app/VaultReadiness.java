package dev.switchboard.app;

import dev.switchboard.credential.PayloadRotation;
import dev.switchboard.oauth.OAuthApps;
import dev.switchboard.store.ShortLived;
import dev.switchboard.vault.Vault;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The "vault" check of {@code /readyz}: true only when every key id that stored credentials and
 * OAuth client secrets use is in the keyring (after the reload an unknown id triggers) and a small
 * sample of stored credentials of each key actually decrypts. Kept for {@value #KEEP_SECONDS}
 * seconds, so probes cost a handful of indexed reads at most that often. Thread safe.
 */
final class VaultReadiness implements BooleanSupplier {
  static final int KEEP_SECONDS = 2;
  private static final int SAMPLE_PER_KEY = 3;
  private final PayloadRotation rotation;
  private final OAuthApps oauthApps;
  private final Vault vault;
  private final ShortLived<String, Boolean> kept = new ShortLived<>(Duration.ofSeconds(KEEP_SECONDS), 1);

  VaultReadiness(PayloadRotation rotation, OAuthApps oauthApps, Vault vault) {
    this.rotation = rotation;
    this.oauthApps = oauthApps;
    this.vault = vault;
  }

  @Override
  public boolean getAsBoolean() {
    return kept.get("vault", k -> healthy());
  }

  private boolean healthy() {
    try {
      if (rotation.sample(SAMPLE_PER_KEY).failed() > 0) {
        return false;
      }
      return Stream.concat(rotation.keyIdsInUse().stream(), oauthApps.keyIdsInUse().stream())
          .allMatch(vault::canOpen);
    } catch (RuntimeException e) {
      return false; // the database is unreadable: the "database" check says so too
    }
  }
}
