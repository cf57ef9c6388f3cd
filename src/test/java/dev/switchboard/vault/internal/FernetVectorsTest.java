package dev.switchboard.vault.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.vault.VaultException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The acceptance vectors of the Fernet spec, from {@code src/test/resources/fernet/}. */
class FernetVectorsTest {

  /** Invalid only under a TTL check; secrets at rest are opened without one (fixtures README). */
  private static final Set<String> TTL_ONLY =
      Set.of("far-future TS (unacceptable clock skew)", "expired TTL");

  private final Fernet fernet = new Fernet(Clock.systemUTC(), new SecureRandom());

  static Stream<Arguments> generateVectors() {
    return vectors("generate.json").stream().map(v -> Arguments.of(v.get("src").stringValue(), v));
  }

  static Stream<Arguments> verifyVectors() {
    return vectors("verify.json").stream().map(v -> Arguments.of(v.get("src").stringValue(), v));
  }

  static Stream<Arguments> invalidVectors() {
    return vectors("invalid.json").stream().map(v -> Arguments.of(v.get("desc").stringValue(), v));
  }

  static Stream<Arguments> invalidAtRestVectors() {
    return invalidVectors().filter(a -> !TTL_ONLY.contains((String) a.get()[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generateVectors")
  void encryptWithTheVectorsIvAndTimeReproducesTheTokenExactly(String src, JsonNode v) {
    byte[] iv = new byte[16];
    for (int i = 0; i < iv.length; i++) {
      iv[i] = (byte) v.get("iv").get(i).intValue();
    }
    String token = fernet.encrypt(key(v), src.getBytes(StandardCharsets.UTF_8), iv, now(v));
    assertThat(token).isEqualTo(v.get("token").stringValue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verifyVectors")
  void decryptWithTheVectorsTtlAndNowReturnsTheSource(String src, JsonNode v) {
    byte[] plain = fernet.decrypt(key(v), v.get("token").stringValue(), ttl(v), now(v));
    assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(src);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidVectors")
  void invalidTokenIsRejectedUnderItsTtlCheckWithTheGenericError(String desc, JsonNode v) {
    VaultException e =
        catchThrowableOfType(
            VaultException.class,
            () -> fernet.decrypt(key(v), v.get("token").stringValue(), ttl(v), now(v)));
    assertGeneric(e);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidAtRestVectors")
  void invalidTokenIsAlsoRejectedWithoutTtlCheck(String desc, JsonNode v) {
    VaultException e =
        catchThrowableOfType(
            VaultException.class, () -> fernet.decrypt(key(v), v.get("token").stringValue()));
    assertGeneric(e);
  }

  @Test
  void ttlOnlyVectorsOpenWithoutTtlBecauseSecretsAtRestDoNotExpire() {
    List<String> opened = new ArrayList<>();
    for (JsonNode v : vectors("invalid.json")) {
      if (TTL_ONLY.contains(v.get("desc").stringValue())) {
        fernet.decrypt(key(v), v.get("token").stringValue());
        opened.add(v.get("desc").stringValue());
      }
    }
    assertThat(opened).containsExactlyInAnyOrderElementsOf(TTL_ONLY);
  }

  @Test
  void everyRejectionHasTheSameCodeAndMessageAndNoCause() {
    List<VaultException> errors = new ArrayList<>();
    for (JsonNode v : vectors("invalid.json")) {
      errors.add(
          catchThrowableOfType(
              VaultException.class,
              () -> fernet.decrypt(key(v), v.get("token").stringValue(), ttl(v), now(v))));
    }
    assertThat(errors).hasSize(8).allSatisfy(FernetVectorsTest::assertGeneric);
    assertThat(errors).extracting(Throwable::getMessage).containsOnly(errors.get(0).getMessage());
  }

  static void assertGeneric(VaultException e) {
    assertThat(e).isNotNull().hasMessage("stored secret cannot be decrypted").hasNoCause();
    assertThat(e.code()).isEqualTo("vault_decrypt_failed");
  }

  private static FernetKey key(JsonNode v) {
    return FernetKey.decode(v.get("secret").stringValue()).orElseThrow();
  }

  private static Instant now(JsonNode v) {
    return OffsetDateTime.parse(v.get("now").stringValue()).toInstant();
  }

  private static Duration ttl(JsonNode v) {
    return Duration.ofSeconds(v.get("ttl_sec").intValue());
  }

  private static List<JsonNode> vectors(String name) {
    try (InputStream in = FernetVectorsTest.class.getResourceAsStream("/fernet/" + name)) {
      List<JsonNode> list = new ArrayList<>();
      new JsonMapper().readTree(in).forEach(list::add);
      return list;
    } catch (IOException e) {
      throw new AssertionError("cannot read fixture " + name, e);
    }
  }
}
