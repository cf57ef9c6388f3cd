package dev.switchboard.app;

import dev.switchboard.credential.PayloadRotation;
import dev.switchboard.vault.Keyring;
import dev.switchboard.vault.KeyringSource;
import dev.switchboard.vault.VaultKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code switchboard vault …}: keys of the credential vault. Rotation runs online beside a live
 * server: the new key goes first into the key file, the server picks it up, then every row is
 * re-encrypted in batches. Rotation and retirement hold a {@link RotationLock}, so only one of
 * them runs at a time across processes and instances (docs/security/vault-rotation.md).
 */
@Command(name = "vault", mixinStandardHelpOptions = true, description = "Generate, inspect, rotate and retire vault keys.")
final class VaultCommand {
  private final CliEnvironment env;

  VaultCommand(CliEnvironment env) {
    this.env = env;
  }

  @Command(name = "generate-key", mixinStandardHelpOptions = true,
      description = "Print a new key as id:base64key, for SWITCHBOARD_VAULT_KEYS or a key file.")
  int generateKey(@Option(names = "--id", description = "Key id (default: k<date><random>)") String id) {
    String keyId = id != null ? id : new KeyringSource(null, Clock.systemUTC()).newKeyId();
    env.out().println(VaultKey.generate(keyId).exportEntry());
    return 0;
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Show the configured keys and how many stored credentials use each.")
  int status() {
    return env.withVault(app -> {
      Keyring ring = app.vault.keyring();
      env.out().println("keys from " + app.loadedKeys.file().map(Path::toString)
          .orElse(KeyringSource.ENV_VAR) + " (first encrypts)");
      for (String id : ring.ids()) {
        env.out().printf("  %s%s  %d credential(s)%n", id,
            id.equals(ring.primary().id()) ? " (primary)" : "", app.rotation.rowsOnKey(id));
      }
      for (String id : app.rotation.keyIdsInUse()) {
        if (!app.vault.canOpen(id)) {
          env.out().printf("  %s  MISSING: %d credential(s) cannot be decrypted%n", id,
              app.rotation.rowsOnKey(id));
        }
      }
      return 0;
    });
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Decrypt every stored credential to prove the configured keys can read them all.")
  int check() {
    return env.withVault(app -> {
      PayloadRotation.Check result = app.rotation.check();
      PayloadRotation.Check apps = app.oauthApps.check();
      int failed = result.failed() + apps.failed();
      env.out().println("checked " + result.checked() + " credential(s) and " + apps.checked()
          + " OAuth client secret(s): " + failed + " cannot be decrypted");
      return failed == 0 ? 0 : 1;
    });
  }

  /**
   * Holds the key-file and database locks throughout (a second rotation is refused), merges the new
   * key into the key file as it is on disk and makes it durable, and only then moves rows to it.
   */
  @Command(name = "rotate", mixinStandardHelpOptions = true,
      description = "Add a new primary key to the key file (unless --no-new-key) and re-encrypt every stored credential with the primary key, online.")
  int rotate(
      @Option(names = "--no-new-key", description = "Only re-encrypt to the current primary key") boolean noNewKey,
      @Option(names = "--batch", defaultValue = "100", description = "Rows per batch (default 100)") int batch) {
    Checkpoints checkpoints = Checkpoints.fromSystemProperty(env.out());
    return env.withVault(app -> {
      try (RotationLock lock = RotationLock.take(app)) {
        checkpoints.accept("locked");
        Optional<Path> file = app.loadedKeys.file();
        if (!noNewKey) {
          Path keyFile = file.orElseThrow(() -> new IllegalArgumentException(
              "keys come from " + KeyringSource.ENV_VAR + ": put a key from 'vault generate-key' first in"
                  + " it, restart the servers, then run 'vault rotate --no-new-key'"));
          Keyring next = app.keySource.addNewPrimaryToKeyFile(keyFile, checkpoints);
          app.vault.useKeyring(next);
          env.out().println("added primary key " + next.primary().id() + " to " + keyFile);
          checkpoints.accept("key-written");
          waitForServers(app.settings.keyFilePoll());
        } else {
          // the file may have changed since it was loaded; re-encrypt only to what it holds now
          file.ifPresent(f -> app.vault.useKeyring(KeyringSource.readKeyFile(f)));
        }
        AtomicInteger batches = new AtomicInteger();
        PayloadRotation.Result result = app.rotation.run(batch, () -> {
          lock.renew();
          if (batches.incrementAndGet() == 2) {
            checkpoints.accept("rows");
          }
        });
        checkpoints.accept("rows-done");
        lock.renew();
        int apps = app.oauthApps.rotate();
        checkpoints.accept("done");
        env.out().println("re-encrypted " + result.reencrypted() + " credential(s) with key "
            + app.vault.keyring().primary().id() + (apps > 0 ? " and " + apps + " OAuth client secret(s)" : ""));
        return 0;
      }
    });
  }

  @Command(name = "retire", mixinStandardHelpOptions = true,
      description = "Remove a key from the key file; refused while any stored credential uses it.")
  int retire(@Parameters(paramLabel = "ID", description = "The key id to retire") String id) {
    return env.withVault(app -> {
      try (RotationLock lock = RotationLock.take(app)) {
        long inUse = app.rotation.rowsOnKey(id) + (app.oauthApps.keyIdsInUse().contains(id) ? 1 : 0);
        if (inUse > 0) {
          throw new IllegalArgumentException("key " + id + " still encrypts " + inUse
              + " credential(s); run 'vault rotate' first");
        }
        Optional<Path> file = app.loadedKeys.file();
        Keyring ring = file.map(KeyringSource::readKeyFile).orElse(app.vault.keyring());
        if (ring.byId(id).isEmpty()) {
          throw new IllegalArgumentException("no key " + id + " is configured");
        }
        if (ring.primary().id().equals(id)) {
          throw new IllegalArgumentException("key " + id + " is the primary key; rotate to a new one first");
        }
        Path keyFile = file.orElseThrow(() -> new IllegalArgumentException(
            "no credential uses " + id + "; remove it from " + KeyringSource.ENV_VAR + " and restart"));
        lock.renew();
        KeyringSource.removeFromKeyFile(keyFile, id);
        env.out().println("retired key " + id);
        return 0;
      }
    });
  }

  /** Gives running servers time to notice the new key file before rows move to the new key. */
  private static void waitForServers(Duration poll) {
    try {
      Thread.sleep(poll.multipliedBy(2).plusMillis(200).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
