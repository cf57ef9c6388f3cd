package dev.switchboard.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SecretsNeverPrintedTest {

  private static final String SECRET = "sk_live_0123456789abcdef4f2a";

  private final VaultKey key = VaultKey.generate("k1");
  private final String material = key.exportEntry().substring("k1:".length());

  @Test
  void secretFieldsToStringShowsNamesButNoValueOrPartOfIt() {
    String text = SecretFields.of(Map.of("api_key", SECRET, "pin", "12345678")).toString();

    assertThat(text).contains("api_key", "pin").doesNotContain("sk_", "4f2a", "78");
  }

  @Test
  void vaultKeyToStringShowsTheIdOnly() {
    assertThat(key.toString()).isEqualTo("VaultKey[id=k1]").doesNotContain(material);
  }

  @Test
  void keyringVaultAndLoadedKeyringPrintIdsOnly() {
    Keyring keyring = Keyring.of(key);
    Vault vault = new Vault(keyring, Clock.systemUTC(), new JsonMapper());
    LoadedKeyring loaded = new LoadedKeyring(keyring, Optional.empty(), false, List.of());

    assertThat(
            List.of(
                keyring.toString(), vault.toString(), loaded.toString(), vault.signer().toString()))
        .allSatisfy(text -> assertThat(text).contains("k1").doesNotContain(material));
  }

  @Test
  void sealedPayloadToStringShowsTheKeyIdButNotTheToken() {
    Vault vault = new Vault(Keyring.of(key), Clock.systemUTC(), new JsonMapper());
    SealedPayload sealed = vault.seal("u1", "c1", SecretFields.of(Map.of("api_key", SECRET)));

    assertThat(sealed.toString()).isEqualTo("SealedPayload[keyId=k1]");
  }

  @Test
  void exportEntryIsTheParsableSecretForm() {
    assertThat(VaultKey.parse(key.exportEntry())).isEqualTo(key);
    assertThat(material).hasSize(44).endsWith("=");
  }
}
