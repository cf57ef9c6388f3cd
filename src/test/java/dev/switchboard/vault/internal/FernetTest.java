package dev.switchboard.vault.internal;

import static dev.switchboard.vault.internal.FernetVectorsTest.assertGeneric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.vault.VaultException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FernetTest {

  private static final Instant T0 = Instant.parse("2025-01-31T12:00:00Z");
  private static final Duration TTL = Duration.ofSeconds(60);

  private final FernetKey key = FernetKey.generate(new SecureRandom());
  private final Fernet fernet = new Fernet(Clock.fixed(T0, ZoneOffset.UTC), new SecureRandom());

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 15, 16, 17, 200, 4096})
  void encryptThenDecryptReturnsThePlaintextForAnyLength(int length) {
    byte[] plain = new byte[length];
    new Random(length).nextBytes(plain);
    assertThat(fernet.decrypt(key, fernet.encrypt(key, plain))).isEqualTo(plain);
  }

  @Test
  void rawKeyOverloadsAgreeWithPreparedKey() {
    byte[] raw = Base64.getUrlDecoder().decode(key.encode());
    String token = fernet.encrypt(raw, new byte[] {1, 2, 3});
    assertThat(fernet.decrypt(key, token)).containsExactly(1, 2, 3);
    assertThat(fernet.decrypt(raw, token, TTL, T0)).containsExactly(1, 2, 3);
  }

  @Test
  void tokenIsStampedWithTheInjectedClockAndUsesAFreshIv() {
    String first = fernet.encrypt(key, new byte[] {42});
    String second = fernet.encrypt(key, new byte[] {42});
    assertThat(first).isNotEqualTo(second);
    byte[] decoded = Base64.getUrlDecoder().decode(first);
    assertThat(FernetEngines.getLong(decoded, 1)).isEqualTo(T0.getEpochSecond());
  }

  @Test
  void tokenFromAnotherKeyIsRejected() {
    String token = fernet.encrypt(FernetKey.generate(new SecureRandom()), new byte[] {1});
    assertGeneric(catchThrowableOfType(VaultException.class, () -> fernet.decrypt(key, token)));
  }

  @Test
  void tokenExactlyTtlOldIsAcceptedAndOneSecondOlderIsRejected() {
    String token = fernet.encrypt(key, new byte[] {7});
    assertThat(fernet.decrypt(key, token, TTL, T0.plus(TTL))).containsExactly(7);
    assertGeneric(
        catchThrowableOfType(
            VaultException.class,
            () -> fernet.decrypt(key, token, TTL, T0.plus(TTL).plusSeconds(1))));
  }

  @Test
  void tokenUpToSixtySecondsInTheFutureIsAcceptedUnderTtlButNotBeyond() {
    String token = fernet.encrypt(key, new byte[] {7});
    assertThat(fernet.decrypt(key, token, TTL, T0.minusSeconds(60))).containsExactly(7);
    assertGeneric(
        catchThrowableOfType(
            VaultException.class, () -> fernet.decrypt(key, token, TTL, T0.minusSeconds(61))));
  }

  @Test
  void tokenWithoutBase64PaddingIsRejected() {
    String token = fernet.encrypt(key, new byte[] {1, 2});
    assertThat(token).endsWith("=");
    String unpadded = token.replace("=", "");
    assertGeneric(catchThrowableOfType(VaultException.class, () -> fernet.decrypt(key, unpadded)));
  }

  @Test
  void tokenWithNonZeroUnusedBase64BitsIsRejected() {
    String token = fernet.encrypt(key, new byte[] {1, 2});
    int last = token.indexOf('=') - 1;
    // The JDK decoder maps both characters to the same bytes; only the canonical one is accepted.
    String altered =
        token.substring(0, last) + (char) (token.charAt(last) + 1) + token.substring(last + 1);
    assertThat(Base64.getUrlDecoder().decode(altered))
        .isEqualTo(Base64.getUrlDecoder().decode(token));
    assertGeneric(catchThrowableOfType(VaultException.class, () -> fernet.decrypt(key, altered)));
  }

  @Test
  void nullAndEmptyTokensAreRejectedWithTheGenericError() {
    assertGeneric(catchThrowableOfType(VaultException.class, () -> fernet.decrypt(key, null)));
    assertGeneric(catchThrowableOfType(VaultException.class, () -> fernet.decrypt(key, "")));
  }

  @Test
  void keyDecodeRefusesWrongLengthsAndStandardBase64() {
    assertThat(FernetKey.decode(Base64.getUrlEncoder().encodeToString(new byte[16]))).isEmpty();
    assertThat(FernetKey.decode("+/" + key.encode().substring(2))).isEmpty();
    assertThat(FernetKey.decode(key.encode())).get().matches(k -> k.sameAs(key));
    assertThat(key.toString()).doesNotContain(key.encode());
  }
}
