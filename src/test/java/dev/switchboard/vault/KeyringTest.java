package dev.switchboard.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyringTest {

  private final VaultKey a = VaultKey.generate("a");
  private final VaultKey b = VaultKey.generate("b");
  private final Keyring ring = Keyring.of(a, b);

  @Test
  void firstKeyIsPrimaryAndKeysAreFoundById() {
    assertThat(ring.primary()).isEqualTo(a);
    assertThat(ring.ids()).containsExactly("a", "b");
    assertThat(ring.byId("b")).contains(b);
    assertThat(ring.byId("c")).isEmpty();
  }

  @Test
  void withPrimaryPutsANewKeyFirstAndLeavesTheOriginalAlone() {
    VaultKey c = VaultKey.generate("c");

    assertThat(ring.withPrimary(c).ids()).containsExactly("c", "a", "b");
    assertThat(ring.ids()).containsExactly("a", "b");
  }

  @Test
  void withPrimaryOfAKeyAlreadyInTheRingMovesItToTheFront() {
    assertThat(ring.withPrimary(b).ids()).containsExactly("b", "a");
  }

  @Test
  void withPrimaryOfAnotherKeyUnderAnExistingIdIsRefused() {
    VaultException e =
        catchThrowableOfType(VaultException.class, () -> ring.withPrimary(VaultKey.generate("b")));
    assertThat(e.code()).isEqualTo("vault_keyring_invalid");
  }

  @Test
  void withoutRemovesANonPrimaryKey() {
    assertThat(ring.without("b").ids()).containsExactly("a");
  }

  @Test
  void withoutRefusesThePrimaryAndUnknownIds() {
    assertThat(catchThrowableOfType(VaultException.class, () -> ring.without("a")).code())
        .isEqualTo("vault_keyring_invalid");
    assertThat(catchThrowableOfType(VaultException.class, () -> ring.without("zz")).code())
        .isEqualTo("vault_key_missing");
  }

  @Test
  void emptyRingsAndDuplicateIdsAreRefused() {
    assertThat(catchThrowableOfType(VaultException.class, () -> Keyring.of(List.of())).code())
        .isEqualTo("vault_keyring_invalid");
    assertThat(
            catchThrowableOfType(VaultException.class, () -> Keyring.of(a, VaultKey.generate("a"))))
        .hasMessageContaining("duplicate");
  }

  @Test
  void keysListIsUnmodifiable() {
    assertThat(catchThrowableOfType(UnsupportedOperationException.class, () -> ring.keys().clear()))
        .isNotNull();
  }
}
