package dev.switchboard.vault;

import dev.switchboard.store.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An exclusive operating-system lock ({@link FileChannel#tryLock()}) on {@code <key file>.lock}
 * beside the key file, held by whoever changes the key file (rotation, retirement) so that two
 * such commands on one machine never interleave. The OS drops the lock when the holder exits, even
 * by {@code kill -9}. The lock file holds nothing and is left in place. Close to release.
 */
public final class KeyFileLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private KeyFileLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file that guards {@code keyFile}. */
  public static Path lockFileOf(Path keyFile) {
    Path absolute = keyFile.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".lock");
  }

  /**
   * Takes the lock without waiting; empty when another process (or another holder in this one)
   * has it. Throws {@code vault_key_file} when the lock file cannot be opened.
   */
  public static Optional<KeyFileLock> tryLock(Path keyFile) {
    Path file = lockFileOf(keyFile);
    FileChannel channel = null;
    try {
      if (!Files.exists(file) && OwnerOnlyFiles.isPosix(file)) {
        try {
          OwnerOnlyFiles.createFile(file);
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: lock theirs
        }
      }
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new KeyFileLock(channel, lock));
    } catch (OverlappingFileLockException heldHere) {
      closeQuietly(channel);
      return Optional.empty();
    } catch (IOException e) {
      closeQuietly(channel);
      throw new VaultException(VaultException.KEY_FILE, "cannot lock vault key file " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel below releases it too
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing was written through it
      }
    }
  }
}
