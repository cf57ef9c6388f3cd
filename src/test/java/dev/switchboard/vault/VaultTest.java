package dev.switchboard.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.vault.internal.Fernet;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class VaultTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-01-31T12:00:00Z"), ZoneOffset.UTC);
  private static final SecretFields FIELDS =
      SecretFields.of(Map.of("api_key", "sk_live_0123456789abcdef4f2a"));

  private final VaultKey k1 = VaultKey.generate("k1");
  private final Vault vault = new Vault(Keyring.of(k1), CLOCK, new JsonMapper());

  @Test
  void sealThenOpenReturnsTheSameFields() {
    SealedPayload sealed = vault.seal("u1", "c1", FIELDS);

    assertThat(sealed.keyId()).isEqualTo("k1");
    assertThat(sealed.token()).doesNotContain("sk_live");
    assertThat(vault.open("u1", "c1", sealed)).isEqualTo(FIELDS);
  }

  @Test
  void emptyFieldsRoundTrip() {
    assertThat(vault.open("u1", "c1", vault.seal("u1", "c1", SecretFields.empty())).isEmpty())
        .isTrue();
  }

  @Test
  void plaintextNamesOwnerAndCredentialNextToTheFields() {
    SealedPayload sealed = vault.seal("u1", "c1", FIELDS);
    byte[] plain = fernet().decrypt(k1.material(), sealed.token());

    assertThat(new String(plain, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"v\":1,\"owner\":\"u1\",\"credential\":\"c1\",\"fields\":{\"api_key\":\"sk_live_0123456789abcdef4f2a\"}}");
  }

  @Test
  void tokenMovedToAnotherCredentialFailsWithTheGenericError() {
    SealedPayload sealed = vault.seal("u1", "c1", FIELDS);
    assertGeneric(catchThrowableOfType(VaultException.class, () -> vault.open("u1", "c2", sealed)));
  }

  @Test
  void tokenMovedToAnotherOwnerFailsWithTheGenericError() {
    SealedPayload sealed = vault.seal("u1", "c1", FIELDS);
    assertGeneric(catchThrowableOfType(VaultException.class, () -> vault.open("u2", "c1", sealed)));
  }

  @Test
  void flippingAnyBitOfTheTokenGivesTheGenericError() {
    SealedPayload sealed = vault.seal("u1", "c1", FIELDS);
    byte[] bytes = Base64.getUrlDecoder().decode(sealed.token());
    for (int i = 0; i < bytes.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = bytes.clone();
        flipped[i] ^= (byte) (1 << bit);
        SealedPayload tampered =
            new SealedPayload("k1", Base64.getUrlEncoder().encodeToString(flipped));
        assertGeneric(
            catchThrowableOfType(VaultException.class, () -> vault.open("u1", "c1", tampered)));
      }
    }
  }

  @Test
  void changingAnyCharacterOfTheTokenTextGivesTheGenericError() {
    SealedPayload sealed = vault.seal("u1", "c1", FIELDS);
    String token = sealed.token();
    for (int i = 0; i < token.length(); i++) {
      for (int bit = 0; bit < 7; bit++) {
        String changed =
            token.substring(0, i) + (char) (token.charAt(i) ^ (1 << bit)) + token.substring(i + 1);
        SealedPayload tampered = new SealedPayload("k1", changed);
        assertGeneric(
            catchThrowableOfType(VaultException.class, () -> vault.open("u1", "c1", tampered)));
      }
    }
  }

  @Test
  void payloadLabelledWithAnotherKnownKeyGivesTheGenericError() {
    vault.useKeyring(Keyring.of(k1, VaultKey.generate("k0")));
    SealedPayload sealed = vault.seal("u1", "c1", FIELDS);
    SealedPayload relabelled = new SealedPayload("k0", sealed.token());
    assertGeneric(
        catchThrowableOfType(VaultException.class, () -> vault.open("u1", "c1", relabelled)));
  }

  @Test
  void authenticPlaintextOfAnotherShapeGivesTheGenericError() {
    for (String json :
        new String[] {
          "{\"v\":2,\"owner\":\"u1\",\"credential\":\"c1\",\"fields\":{}}",
          "{\"v\":1,\"owner\":\"u1\",\"credential\":\"c1\",\"fields\":{\"n\":5}}",
          "{\"v\":1,\"owner\":\"u1\",\"credential\":\"c1\"}",
          "[1]",
          "not json"
        }) {
      String token = fernet().encrypt(k1.material(), json.getBytes(StandardCharsets.UTF_8));
      SealedPayload forged = new SealedPayload("k1", token);
      assertGeneric(
          catchThrowableOfType(VaultException.class, () -> vault.open("u1", "c1", forged)));
    }
  }

  @Test
  void payloadWithUnknownKeyIdFailsWithKeyMissingNamingTheId() {
    SealedPayload sealed = new SealedPayload("k9", vault.seal("u1", "c1", FIELDS).token());

    VaultException e =
        catchThrowableOfType(VaultException.class, () -> vault.open("u1", "c1", sealed));

    assertThat(e.code()).isEqualTo("vault_key_missing");
    assertThat(e).hasMessageContaining("k9");
    assertThat(vault.canOpen("k9")).isFalse();
    assertThat(vault.canOpen("k1")).isTrue();
  }

  @Test
  void resealMovesAPayloadToTheNewPrimaryAndKeepsItsFields() {
    SealedPayload old = vault.seal("u1", "c1", FIELDS);
    vault.useKeyring(vault.keyring().withPrimary(VaultKey.generate("k2")));

    SealedPayload moved = vault.reseal("u1", "c1", old);

    assertThat(moved.keyId()).isEqualTo("k2");
    vault.useKeyring(vault.keyring().without("k1"));
    assertThat(vault.open("u1", "c1", moved)).isEqualTo(FIELDS);
  }

  @Test
  void resealReturnsThePayloadUnchangedWhenAlreadyOnThePrimary() {
    SealedPayload sealed = vault.seal("u1", "c1", FIELDS);
    assertThat(vault.reseal("u1", "c1", sealed)).isSameAs(sealed);
  }

  @Test
  void afterRotationOldPayloadsStillOpenWhileTheirKeyIsInTheRing() {
    SealedPayload old = vault.seal("u1", "c1", FIELDS);
    vault.useKeyring(vault.keyring().withPrimary(VaultKey.generate("k2")));

    assertThat(vault.open("u1", "c1", old)).isEqualTo(FIELDS);
    assertThat(vault.seal("u1", "c1", FIELDS).keyId()).isEqualTo("k2");
  }

  private static Fernet fernet() {
    return new Fernet(CLOCK, new SecureRandom());
  }

  private static void assertGeneric(VaultException e) {
    assertThat(e).isNotNull().hasMessage("stored secret cannot be decrypted").hasNoCause();
    assertThat(e.code()).isEqualTo("vault_decrypt_failed");
  }

  @Test
  void countsSealsOpensAndFailuresForTheMetrics() {
    SealedPayload sealed = vault.seal("u1", "c1", FIELDS);
    vault.open("u1", "c1", sealed);
    catchThrowableOfType(VaultException.class, () -> vault.open("u2", "c1", sealed));
    catchThrowableOfType(VaultException.class, () -> vault.open("u1", "c1", new SealedPayload("gone", sealed.token())));

    assertThat(vault.counts().sealed()).isEqualTo(1);
    assertThat(vault.counts().opened()).isEqualTo(1);
    assertThat(vault.counts().openFailed()).isEqualTo(1);
    assertThat(vault.counts().keyMissing()).isEqualTo(1);
  }
}
