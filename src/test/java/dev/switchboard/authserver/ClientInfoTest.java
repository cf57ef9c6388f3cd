package dev.switchboard.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientInfoTest {
  private final ClientInfo client = new ClientInfo("c", "App",
      List.of("https://app.example/cb", "http://127.0.0.1:3000/callback", "cursor://anysphere.cursor-mcp/oauth/callback"),
      false);

  @Test
  void aRedirectUriMustMatchExactly() {
    assertThat(client.allowsRedirect("https://app.example/cb")).isTrue();
    assertThat(client.allowsRedirect("https://app.example/cb/")).isFalse();
    assertThat(client.allowsRedirect("https://app.example/cb?x=1")).isFalse();
    assertThat(client.allowsRedirect("https://app.example:8443/cb")).isFalse();
    assertThat(client.allowsRedirect("cursor://anysphere.cursor-mcp/oauth/callback")).isTrue();
    assertThat(client.allowsRedirect(null)).isFalse();
  }

  @Test
  void aLoopbackRedirectMayUseAnyPortButNothingElseMayDiffer() {
    assertThat(client.allowsRedirect("http://127.0.0.1:49152/callback")).isTrue();
    assertThat(client.allowsRedirect("http://127.0.0.1/callback")).isTrue();
    assertThat(client.allowsRedirect("http://127.0.0.1:49152/other")).isFalse();
    assertThat(client.allowsRedirect("http://localhost:49152/callback")).isFalse();
    assertThat(client.allowsRedirect("https://127.0.0.1:49152/callback")).isFalse();
  }

  @Test
  void theConsentPageShowsTheRedirectHost() {
    assertThat(ClientInfo.hostOf("https://app.example/cb")).isEqualTo("app.example");
    assertThat(ClientInfo.hostOf("cursor://anysphere.cursor-mcp/oauth/callback")).isEqualTo("anysphere.cursor-mcp");
  }
}
