package dev.switchboard.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SignerTest {

  private static final byte[] DATA = "state=abc".getBytes(StandardCharsets.UTF_8);

  private final VaultKey k1 = VaultKey.generate("k1");
  private final Vault vault = new Vault(Keyring.of(k1), Clock.systemUTC(), new JsonMapper());
  private final Signer signer = vault.signer();

  @Test
  void signatureIsHmacSha256UnderTheDerivedSigningKey() throws Exception {
    byte[] raw = Base64.getUrlDecoder().decode(k1.exportEntry().substring(3));
    byte[] signingKey = hmac(raw, "switchboard-signing-v1".getBytes(StandardCharsets.UTF_8));

    assertThat(signer.sign(DATA)).isEqualTo(hmac(signingKey, DATA)).hasSize(32);
  }

  @Test
  void verifyAcceptsItsOwnSignatureAndRejectsChangedDataOrTags() {
    byte[] tag = signer.sign(DATA);
    byte[] changedTag = tag.clone();
    changedTag[31] ^= 1;

    assertThat(signer.verify(DATA, tag)).isTrue();
    assertThat(signer.verify("state=abd".getBytes(StandardCharsets.UTF_8), tag)).isFalse();
    assertThat(signer.verify(DATA, changedTag)).isFalse();
    assertThat(signer.verify(DATA, new byte[5])).isFalse();
    assertThat(signer.verify(DATA, null)).isFalse();
  }

  @Test
  void signaturesSurviveRotationUntilTheirKeyIsRemoved() {
    byte[] tag = signer.sign(DATA);
    vault.useKeyring(vault.keyring().withPrimary(VaultKey.generate("k2")));

    assertThat(signer.verify(DATA, tag)).isTrue();
    assertThat(signer.sign(DATA)).isNotEqualTo(tag);

    vault.useKeyring(vault.keyring().without("k1"));
    assertThat(signer.verify(DATA, tag)).isFalse();
  }

  private static byte[] hmac(byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }
}
