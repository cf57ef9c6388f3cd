package dev.switchboard.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.vault.Keyring;
import dev.switchboard.vault.Vault;
import dev.switchboard.vault.VaultKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SessionTokensTest {
  private static final SessionTokens.Claims CLAIMS =
      new SessionTokens.Claims("usr_alice0001", "bundle:crm-tools", "2025-11-25", 1_765_000_000_000L, "n0nce");
  private final VaultKey k1 = VaultKey.generate("k1");
  private final Vault vault = vault(Keyring.of(k1));

  private static Vault vault(Keyring keyring) {
    return new Vault(keyring, Clock.systemUTC(), new JsonMapper());
  }

  private static SessionTokens tokens(Vault vault) {
    return new SessionTokens(vault.tokenSealer(SessionTokens.PURPOSE));
  }

  @Test
  void aSessionIdRevealsNeitherTheUserNorTheEndpoint() {
    String id = tokens(vault).issue(CLAIMS);
    for (String part : id.split("\\.")) {
      String decoded = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1);
      assertThat(decoded).doesNotContain("usr_alice0001").doesNotContain("crm-tools").doesNotContain("2025-11-25");
    }
    assertThat(id).doesNotContain("usr_alice0001").matches("[A-Za-z0-9_=-]+");
  }

  @Test
  void theRelayedCapabilitiesTheClientDeclaredTravelInTheSessionId() {
    SessionTokens.Claims declared = new SessionTokens.Claims("usr_alice0001", "bundle:crm-tools", "2025-11-25",
        1_765_000_000_000L, "n0nce", "elicitation sampling");

    assertThat(tokens(vault).read(tokens(vault).issue(declared))).contains(declared);
    assertThat(tokens(vault).read(tokens(vault).issue(CLAIMS)).orElseThrow().capabilities()).isEmpty();
  }

  @Test
  void anotherInstanceWithTheSameVaultKeysReadsIt() {
    String id = tokens(vault).issue(CLAIMS);
    assertThat(tokens(vault(Keyring.of(k1))).read(id)).contains(CLAIMS);
  }

  @Test
  void alteredForgedOrForeignIdsAreRefused() {
    SessionTokens tokens = tokens(vault);
    String id = tokens.issue(CLAIMS);
    char last = id.charAt(id.length() - 3);
    assertThat(tokens.read(id.substring(0, id.length() - 3) + (last == 'A' ? 'B' : 'A') + id.substring(id.length() - 2)))
        .isEmpty();
    assertThat(tokens.read(tokens(vault(Keyring.of(VaultKey.generate("k1")))).issue(CLAIMS))).isEmpty();
    // the former form, claims in clear with an HMAC under the vault's signing key
    byte[] body = "usr_alice0001\nbundle:crm-tools\n2025-11-25\n1765000000000\nn0nce".getBytes(StandardCharsets.UTF_8);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    assertThat(tokens.read(b64.encodeToString(body) + "." + b64.encodeToString(vault.signer().sign(body)))).isEmpty();
    assertThat(tokens.read("x".repeat(2000))).isEmpty();
    assertThat(tokens.read(null)).isEmpty();
  }

  @Test
  void idsSurviveRotationUntilTheirKeyIsRemoved() {
    SessionTokens tokens = tokens(vault);
    String id = tokens.issue(CLAIMS);
    vault.useKeyring(vault.keyring().withPrimary(VaultKey.generate("k2")));
    assertThat(tokens.read(id)).contains(CLAIMS);
    vault.useKeyring(vault.keyring().without("k1"));
    assertThat(tokens.read(id)).isEmpty();
  }
}
