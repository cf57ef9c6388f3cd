package dev.switchboard.app;

import dev.switchboard.vault.KeyringSource;
import dev.switchboard.vault.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the vault keyring when the key file changes, so that {@code switchboard vault rotate}
 * run beside a live server adds the new key to it before re-encrypting rows (online rotation).
 * Polls the file's modification time; does nothing when keys come from the environment.
 */
final class KeyFileWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KeyFileWatcher.class);
  private Every timer;
  private final Path file;
  private final KeyringSource source;
  private final Vault vault;
  private volatile FileTime seen;

  KeyFileWatcher(Path file, KeyringSource source, Vault vault) {
    this.file = file;
    this.source = source;
    this.vault = vault;
    this.seen = modified();
  }

  KeyFileWatcher start(Duration every) {
    timer = Every.start("key-file-watcher", every, this::check);
    return this;
  }

  /** Reloads now if the file changed since the last look. Safe to call from any thread. */
  synchronized void check() {
    FileTime now = modified();
    if (now == null || now.equals(seen)) {
      return;
    }
    try {
      vault.useKeyring(source.load(file).keyring());
      seen = now;
      LOG.info("vault key file changed; keys now {}", vault.keyring().ids());
    } catch (RuntimeException e) {
      LOG.warn("vault key file changed but cannot be loaded ({}); keeping the current keys",
          e.getMessage());
    }
  }

  private FileTime modified() {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.close();
    }
  }
}
