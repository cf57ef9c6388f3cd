package dev.switchboard.authserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectUrisTest {
  @Test
  void httpsLoopbackHttpAndPrivateUseSchemesMayBeRegistered() {
    assertThat(RedirectUris.problem(List.of("https://claude.ai/api/mcp/auth_callback",
        "http://127.0.0.1:33418/", "http://localhost/cb", "http://[::1]:9/cb",
        "cursor://anysphere.cursor-mcp/oauth/callback"))).isNull();
  }

  @Test
  void unsafeOrMalformedRedirectUrisAreRefusedWithTheReason() {
    assertThat(RedirectUris.problem(List.of())).contains("at least one");
    assertThat(RedirectUris.problem(List.of("http://evil.example/cb"))).contains("loopback");
    assertThat(RedirectUris.problem(List.of("javascript:alert(1)"))).contains("not allowed");
    for (String scheme : List.of("ftp", "jar", "ws", "wss", "data", "file")) {
      assertThat(RedirectUris.problem(List.of(scheme + "://app.example/cb"))).as(scheme).contains("not allowed");
    }
    assertThat(RedirectUris.problem(List.of("myapp:/cb"))).contains("reverse domain name");
    assertThat(RedirectUris.problem(List.of("com.example.app:/cb"))).isNull();
    assertThat(RedirectUris.problem(List.of("https://app.example/cb#frag"))).contains("no fragment");
    assertThat(RedirectUris.problem(List.of("/relative"))).contains("absolute");
    assertThat(RedirectUris.problem(Collections.nCopies(11, "https://app.example/cb"))).contains("at most 10");
  }
}
