package dev.switchboard.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.mcp.McpError;
import dev.switchboard.vault.Keyring;
import dev.switchboard.vault.Vault;
import dev.switchboard.vault.VaultKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CursorsTest {
  private static final String LIST = "tools/list\nbundle:crm\nusr_alice";
  private final Cursors cursors = cursors(VaultKey.generate("k1"));

  private static Cursors cursors(VaultKey key) {
    return new Cursors(new Vault(Keyring.of(key), Clock.systemUTC(), new JsonMapper()).signer());
  }

  private static void assertInvalid(Cursors cursors, String list, String cursor) {
    assertThatThrownBy(() -> cursors.decode(list, cursor)).isInstanceOfSatisfying(McpError.class, e -> {
      assertThat(e.code()).isEqualTo(-32602);
      assertThat(e.getMessage()).startsWith("invalid cursor");
    });
  }

  @Test
  void aCursorItIssuedGivesBackItsOffsetOnTheSameList() {
    assertThat(cursors.decode(LIST, cursors.encode(LIST, 50))).isEqualTo(50);
  }

  @Test
  void aForgedCursorOfTheOldUnsignedFormIsInvalid() {
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("sb1:10".getBytes(StandardCharsets.UTF_8));
    assertInvalid(cursors, LIST, forged);
    assertInvalid(cursors, LIST, "not-a-cursor");
    assertInvalid(cursors, LIST, "");
  }

  @Test
  void aCursorIsBoundToTheListItPages() {
    String cursor = cursors.encode(LIST, 50);
    assertInvalid(cursors, "tools/list\nbundle:other\nusr_alice", cursor);
    assertInvalid(cursors, "tools/list\nbundle:crm\nusr_bob", cursor);
  }

  @Test
  void anAlteredOffsetOrAnotherVaultKeyIsInvalid() {
    byte[] raw = Base64.getUrlDecoder().decode(cursors.encode(LIST, 50));
    raw[3] = 10;
    assertInvalid(cursors, LIST, Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    assertInvalid(cursors(VaultKey.generate("k1")), LIST, cursors.encode(LIST, 50));
  }

  @Test
  void theCursorShowsNothingButTheOffset() {
    String decoded = new String(Base64.getUrlDecoder().decode(cursors.encode(LIST, 50)), StandardCharsets.ISO_8859_1);
    assertThat(decoded).doesNotContain("usr_alice").doesNotContain("crm");
  }
}
