package dev.switchboard.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringSourceTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-01-31T23:59:00Z"), ZoneOffset.UTC);

  private final VaultKey a = VaultKey.generate("a");
  private final VaultKey b = VaultKey.generate("b");
  private final String bMaterial = b.exportEntry().substring(2);

  @TempDir Path dir;

  @Test
  void envValueIsCommaSeparatedEntriesWithTheFirstOnePrimary() {
    Keyring ring = KeyringSource.parseEnv(" " + a.exportEntry() + " , " + b.exportEntry() + ",");

    assertThat(ring.ids()).containsExactly("a", "b");
    assertThat(ring.primary()).isEqualTo(a);
  }

  @Test
  void malformedEnvEntriesAreRejectedNamingTheEntryWithoutEchoingKeyMaterial() {
    String shortKey = Base64.getUrlEncoder().encodeToString(new byte[16]);
    String standardBase64 = bMaterial.replace('-', '+').replace('_', '/') + "+/";
    Stream.of(
            bMaterial,
            "b:" + shortKey,
            "b:" + standardBase64,
            "b c:" + bMaterial,
            "id-that-is-far-too-long-for-a-key-id:" + bMaterial,
            ":" + bMaterial)
        .forEach(
            bad -> {
              VaultException e =
                  catchThrowableOfType(
                      VaultException.class,
                      () -> KeyringSource.parseEnv(a.exportEntry() + "," + bad));
              assertThat(e.code()).isEqualTo("vault_key_invalid");
              assertThat(e).hasMessageStartingWith("SWITCHBOARD_VAULT_KEYS entry 2: ");
              assertThat(e.getMessage()).doesNotContain(bMaterial, shortKey, standardBase64);
            });
  }

  @Test
  void duplicateIdsAndEmptyValuesAreRejected() {
    VaultException duplicate =
        catchThrowableOfType(
            VaultException.class,
            () -> KeyringSource.parseEnv(a.exportEntry() + "," + a.exportEntry()));
    VaultException empty =
        catchThrowableOfType(VaultException.class, () -> KeyringSource.parseEnv(" , "));

    assertThat(duplicate.code()).isEqualTo("vault_keyring_invalid");
    assertThat(empty.code()).isEqualTo("vault_keyring_invalid");
  }

  @Test
  void loadOrCreateGeneratesAnOwnerOnlyKeyFileInAnOwnerOnlyDirectory() throws IOException {
    Path file = dir.resolve("switchboard").resolve("vault.keys");

    LoadedKeyring loaded = new KeyringSource(null, CLOCK).loadOrCreate(file);

    assertThat(loaded.generated()).isTrue();
    assertThat(loaded.file()).contains(file);
    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.keyring().primary().id()).matches("k20250131[0-9a-f]{4}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void generatedKeyFileLoadsBackUnchanged() {
    Path file = dir.resolve("keys").resolve("vault.keys");
    KeyringSource source = new KeyringSource("", CLOCK);
    Keyring created = source.loadOrCreate(file).keyring();

    LoadedKeyring again = source.loadOrCreate(file);

    assertThat(again.generated()).isFalse();
    assertThat(again.keyring()).isEqualTo(created);
    assertThat(source.load(file).keyring()).isEqualTo(created);
  }

  @Test
  void keyFileAllowsCommentsAndBlankLinesAndItsFirstKeyIsPrimary() throws IOException {
    Path file = write("# keys\n\n  " + b.exportEntry() + "  \n# old\n" + a.exportEntry() + "\n");

    assertThat(new KeyringSource(null, CLOCK).load(file).keyring().ids()).containsExactly("b", "a");
  }

  @Test
  void malformedKeyFileLineIsRejectedNamingTheLineWithoutEchoingIt() throws IOException {
    Path file = write("# keys\n" + a.exportEntry() + "\nb;" + bMaterial + "\n");

    VaultException e =
        catchThrowableOfType(VaultException.class, () -> new KeyringSource(null, CLOCK).load(file));

    assertThat(e.code()).isEqualTo("vault_key_invalid");
    assertThat(e).hasMessageContaining("line 3").hasMessageNotContaining(bMaterial);
  }

  @Test
  void keyFileReadableByOthersStillLoadsButCarriesAWarning() throws IOException {
    Path file = write(a.exportEntry() + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    LoadedKeyring loaded = new KeyringSource(null, CLOCK).load(file);

    assertThat(loaded.keyring().primary()).isEqualTo(a);
    assertThat(loaded.warnings()).singleElement().asString().contains("rw-r--r--", "chmod 600");
  }

  @Test
  void environmentWinsOverTheKeyFileAndSaysSo() throws IOException {
    Path file = write(a.exportEntry() + "\n");

    LoadedKeyring loaded = new KeyringSource(b.exportEntry(), CLOCK).loadOrCreate(file);

    assertThat(loaded.keyring().ids()).containsExactly("b");
    assertThat(loaded.file()).isEmpty();
    assertThat(loaded.generated()).isFalse();
    assertThat(loaded.warnings())
        .singleElement()
        .asString()
        .contains("SWITCHBOARD_VAULT_KEYS", "ignored");
  }

  @Test
  void loadWithoutEnvironmentOrFileRefusesToStart() {
    VaultException e =
        catchThrowableOfType(
            VaultException.class,
            () -> new KeyringSource(null, CLOCK).load(dir.resolve("missing.keys")));

    assertThat(e.code()).isEqualTo("vault_keyring_invalid");
    assertThat(Files.exists(dir.resolve("missing.keys"))).isFalse();
  }

  @Test
  void writeKeyFileAfterRotationKeepsOrderAndOwnerOnlyMode() throws IOException {
    Path file = dir.resolve("vault").resolve("vault.keys");
    KeyringSource source = new KeyringSource(null, CLOCK);
    Keyring rotated =
        source.loadOrCreate(file).keyring().withPrimary(VaultKey.generate(source.newKeyId()));

    KeyringSource.writeKeyFile(file, rotated);

    assertThat(source.load(file).keyring()).isEqualTo(rotated);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("vault.keys");
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
