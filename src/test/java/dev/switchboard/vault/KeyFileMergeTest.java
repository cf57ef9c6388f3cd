package dev.switchboard.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes of an existing key file merge with what is on disk now, never replace it with a keyring
 * read earlier: the cause of issue 11 (two rotations each wrote the file without the other's key).
 */
class KeyFileMergeTest {
  @TempDir
  Path dir;

  private final KeyringSource source = new KeyringSource(null, Clock.systemUTC());

  @Test
  void addingAPrimaryKeepsAKeyAnotherProcessAddedAfterThisOneLoadedTheFile() {
    Path file = dir.resolve("keys/vault.keys");
    Keyring loadedHere = source.loadOrCreate(file).keyring();
    VaultKey theirs = VaultKey.generate("theirs");
    KeyringSource.addPrimaryToKeyFile(file, theirs, stage -> {});
    VaultKey ours = VaultKey.generate("ours");

    Keyring written = KeyringSource.addPrimaryToKeyFile(file, ours, stage -> {});

    assertThat(written.ids()).containsExactly("ours", "theirs", loadedHere.primary().id());
    assertThat(written.byId("theirs")).contains(theirs);
    assertThat(source.load(file).keyring()).isEqualTo(written);
  }

  @Test
  void mergedFileStaysOwnerOnlyAndLeavesNoTempFileBehind() throws IOException {
    Path file = dir.resolve("keys/vault.keys");
    source.loadOrCreate(file);
    Files.writeString(file.resolveSibling(".vault-keys123.tmp"), "left by a killed writer");

    KeyringSource.addPrimaryToKeyFile(file, VaultKey.generate("next"), stage -> {});

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("vault.keys");
    }
  }

  @Test
  void theNewKeyIsOnDiskBeforeTheRenameAndTheFileIsUnchangedUntilThen() {
    Path file = dir.resolve("keys/vault.keys");
    Keyring before = source.loadOrCreate(file).keyring();
    List<String> seen = new ArrayList<>();

    KeyringSource.addPrimaryToKeyFile(file, VaultKey.generate("next"), stage -> {
      seen.add(stage);
      assertThat(KeyringSource.readKeyFile(file)).isEqualTo(before);
    });

    assertThat(seen).containsExactly("key-file-temp");
    assertThat(KeyringSource.readKeyFile(file).primary().id()).isEqualTo("next");
  }

  @Test
  void anotherKeyWithTheSameIdIsRefusedAndTheFileKept() {
    Path file = dir.resolve("keys/vault.keys");
    KeyringSource.addPrimaryToKeyFile(source.loadOrCreate(file).file().orElseThrow(),
        VaultKey.generate("same"), stage -> {});
    Keyring before = KeyringSource.readKeyFile(file);

    VaultException e = catchThrowableOfType(VaultException.class,
        () -> KeyringSource.addPrimaryToKeyFile(file, VaultKey.generate("same"), stage -> {}));

    assertThat(e.code()).isEqualTo(VaultException.KEYRING_INVALID);
    assertThat(KeyringSource.readKeyFile(file)).isEqualTo(before);
  }

  @Test
  void aNewPrimaryGoesFirstAndKeepsTheKeysOfTheFile() {
    Path file = dir.resolve("keys/vault.keys");
    String old = source.loadOrCreate(file).keyring().primary().id();

    Keyring written = source.addNewPrimaryToKeyFile(file, stage -> {});

    assertThat(written.ids()).hasSize(2).doesNotHaveDuplicates().endsWith(old);
  }

  @Test
  void removingAKeyKeepsKeysAddedAfterThisProcessLoadedTheFile() {
    Path file = dir.resolve("keys/vault.keys");
    String first = source.loadOrCreate(file).keyring().primary().id();
    KeyringSource.addPrimaryToKeyFile(file, VaultKey.generate("second"), stage -> {});
    KeyringSource.addPrimaryToKeyFile(file, VaultKey.generate("third"), stage -> {});

    Keyring written = KeyringSource.removeFromKeyFile(file, first);

    assertThat(written.ids()).containsExactly("third", "second");
  }

  @Test
  void theKeyFileLockIsExclusiveUntilClosed() {
    Path file = dir.resolve("keys/vault.keys");
    source.loadOrCreate(file);

    Optional<KeyFileLock> first = KeyFileLock.tryLock(file);
    assertThat(first).isPresent();
    assertThat(KeyFileLock.tryLock(file)).isEmpty();
    first.get().close();
    Optional<KeyFileLock> again = KeyFileLock.tryLock(file);
    assertThat(again).isPresent();
    again.get().close();
    assertThat(KeyFileLock.lockFileOf(file)).exists();
  }
}
