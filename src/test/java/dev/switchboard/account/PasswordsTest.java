package dev.switchboard.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.error.SwitchboardException;
import org.junit.jupiter.api.Test;

class PasswordsTest {
  final Passwords passwords = new Passwords(4);

  @Test
  void aPasswordLongerThanBcryptReadsNeverMatchesAndDoesNotThrow() {
    String seventyTwo = "p".repeat(72);
    String hash = passwords.hash(seventyTwo);
    assertThat(passwords.matches(seventyTwo, hash)).isTrue();
    assertThat(passwords.matches(seventyTwo + "and more", hash)).isFalse();
    assertThat(passwords.matches("é".repeat(40), hash)).isFalse();
  }

  @Test
  void settingAPasswordOver72BytesIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> Passwords.checkStrength("é".repeat(37)))
        .isInstanceOfSatisfying(SwitchboardException.class, e -> {
          assertThat(e.code()).isEqualTo("long_password");
          assertThat(e.getMessage()).contains("72 bytes");
        });
    Passwords.checkStrength("é".repeat(36));
  }

  @Test
  void theTimingCheckWithoutAUserRunsBcryptAndAcceptsAnything() {
    passwords.spendCheck(null);
    passwords.spendCheck("x".repeat(500));
  }

  @Test
  void theStandInHashIsMadeWhenThePasswordsAreCreatedAtTheirCostNotAtTheFirstUnknownEmail() {
    Passwords atCost5 = new Passwords(5);

    String made = atCost5.standInHash();
    assertThat(made).as("made in the constructor").startsWith("$2a$05$");
    atCost5.spendCheck("whatever");
    assertThat(atCost5.standInHash()).isSameAs(made);
  }
}
