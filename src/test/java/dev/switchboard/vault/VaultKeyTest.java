package dev.switchboard.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VaultKeyTest {

  /** The key of the Fernet spec vectors. */
  private static final String SPEC_KEY = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";

  @Test
  void parseReadsIdAndUrlSafeBase64Key() {
    VaultKey key = VaultKey.parse("k2025_01-a:" + SPEC_KEY);

    assertThat(key.id()).isEqualTo("k2025_01-a");
    assertThat(key.exportEntry()).isEqualTo("k2025_01-a:" + SPEC_KEY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "dot.ted", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "é"})
  void idsOutsideTheAllowedAlphabetOrLengthAreRefused(String id) {
    VaultException e = catchThrowableOfType(VaultException.class, () -> VaultKey.generate(id));
    assertThat(e.code()).isEqualTo("vault_key_invalid");
  }

  @Test
  void generatedKeysDifferAndEqualityComparesMaterial() {
    VaultKey first = VaultKey.generate("a");

    assertThat(VaultKey.generate("a")).isNotEqualTo(first);
    assertThat(VaultKey.parse(first.exportEntry())).isEqualTo(first).hasSameHashCodeAs(first);
  }

  @Test
  void entryWithoutColonIsRefusedWithoutEchoingIt() {
    VaultException e = catchThrowableOfType(VaultException.class, () -> VaultKey.parse(SPEC_KEY));
    assertThat(e.code()).isEqualTo("vault_key_invalid");
    assertThat(e).hasMessageNotContaining(SPEC_KEY);
  }
}
