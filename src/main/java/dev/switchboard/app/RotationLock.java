package dev.switchboard.app;

import dev.switchboard.store.Ids;
import dev.switchboard.store.LeaseLock;
import dev.switchboard.vault.KeyFileLock;
import dev.switchboard.vault.VaultException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What {@code vault rotate} and {@code vault retire} hold while they change keys: the OS lock on
 * the key file's lock file (one machine) and the {@code vault_rotation} database lease (every
 * instance on the database). The lease is renewed in the background and before each batch; if it
 * was lost (the process stalled past its lease and another took it), {@link #renew} stops the
 * work. Taking either lock fails at once with {@code vault_rotation_busy}: a refusal, not a wait.
 */
final class RotationLock implements AutoCloseable {
  static final String NAME = "vault_rotation";
  private final Optional<KeyFileLock> fileLock;
  private final LeaseLock lease;
  private final String owner;
  private final Duration leaseTime;
  private final Every heartbeat;
  private volatile boolean lost;

  private RotationLock(Optional<KeyFileLock> fileLock, LeaseLock lease, String owner, Duration leaseTime) {
    this.fileLock = fileLock;
    this.lease = lease;
    this.owner = owner;
    this.leaseTime = leaseTime;
    this.heartbeat = Every.start("vault-lock-renewal", leaseTime.dividedBy(3), this::renewQuietly);
  }

  /** Takes both locks for {@code app}'s key file and database, or throws {@code vault_rotation_busy}. */
  static RotationLock take(VaultStores app) {
    Optional<Path> keyFile = app.loadedKeys.file();
    Optional<KeyFileLock> fileLock = Optional.empty();
    if (keyFile.isPresent()) {
      fileLock = KeyFileLock.tryLock(keyFile.get());
      if (fileLock.isEmpty()) {
        throw new VaultException(VaultException.ROTATION_BUSY, "another 'vault rotate' or 'vault retire'"
            + " is running on this machine (it holds " + KeyFileLock.lockFileOf(keyFile.get())
            + "); wait for it to finish, then run this again");
      }
    }
    try {
      LeaseLock lease = new LeaseLock(app.database, NAME);
      String owner = hostName() + " pid " + ProcessHandle.current().pid() + " " + Ids.random(6);
      Duration leaseTime = app.settings.vaultLockLease();
      if (!lease.tryTake(owner, leaseTime)) {
        String holder = lease.holder().map(h -> h.owner() + " until " + h.until()).orElse("another process");
        throw new VaultException(VaultException.ROTATION_BUSY, "another 'vault rotate' or 'vault retire'"
            + " is running against this database (its lock is held by " + holder + "); wait for it to"
            + " finish, then run this again (the lock of a killed one lapses after at most "
            + leaseTime.toSeconds() + " s)");
      }
      return new RotationLock(fileLock, lease, owner, leaseTime);
    } catch (RuntimeException e) {
      fileLock.ifPresent(KeyFileLock::close);
      throw e;
    }
  }

  /** Extends the lease now; throws {@code vault_rotation_busy} if it was lost, so no row moves after. */
  void renew() {
    if (lost || !lease.renew(owner, leaseTime)) {
      lost = true;
      throw new VaultException(VaultException.ROTATION_BUSY, "the rotation lock lapsed and another"
          + " process took it; stopped before writing more rows (rows already moved stay readable)");
    }
  }

  private void renewQuietly() {
    if (!lost && !lease.renew(owner, leaseTime)) {
      lost = true;
    }
  }

  @Override
  public void close() {
    heartbeat.close();
    try {
      lease.release(owner);
    } finally {
      fileLock.ifPresent(KeyFileLock::close);
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
