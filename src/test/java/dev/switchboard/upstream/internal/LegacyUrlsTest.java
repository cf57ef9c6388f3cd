package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.upstream.OutboundBlockedException;
import dev.switchboard.upstream.OutboundGuard;
import dev.switchboard.upstream.OutboundPolicy;
import dev.switchboard.upstream.RemoteMcpException;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class LegacyUrlsTest {
  final OutboundGuard guard = new OutboundGuard(OutboundPolicy.parse("127.0.0.1/32"), name -> {
    throw new UnknownHostException(name);
  });

  @Test
  void theStreamIsLookedForAtTheUrlThenWithItsLastSegmentReplacedBySse() {
    assertThat(LegacyUrls.candidates(URI.create("https://mcp.example.com/mcp"))).extracting(URI::toString)
        .containsExactly("https://mcp.example.com/mcp", "https://mcp.example.com/sse");
    assertThat(LegacyUrls.candidates(URI.create("https://mcp.example.com/v1/mcp/?key=a%20b"))).extracting(URI::toString)
        .containsExactly("https://mcp.example.com/v1/mcp/?key=a%20b", "https://mcp.example.com/v1/sse?key=a%20b");
    assertThat(LegacyUrls.candidates(URI.create("https://mcp.example.com/"))).extracting(URI::toString)
        .containsExactly("https://mcp.example.com/", "https://mcp.example.com/sse");
    assertThat(LegacyUrls.candidates(URI.create("https://mcp.example.com/sse"))).extracting(URI::toString)
        .containsExactly("https://mcp.example.com/sse");
  }

  @Test
  void aRelativeEndpointIsResolvedAgainstTheStream() {
    URI stream = URI.create("http://127.0.0.1:8080/tenant/sse");

    assertThat(LegacyUrls.endpoint(stream, "/message?sessionId=1", guard))
        .hasToString("http://127.0.0.1:8080/message?sessionId=1");
    assertThat(LegacyUrls.endpoint(stream, "messages/?session_id=2", guard))
        .hasToString("http://127.0.0.1:8080/tenant/messages/?session_id=2");
    assertThat(LegacyUrls.endpoint(stream, "http://127.0.0.1:8080/m", guard)).hasToString("http://127.0.0.1:8080/m");
  }

  @Test
  void anEndpointOnAnotherOriginIsRefused() {
    URI stream = URI.create("http://127.0.0.1:8080/sse");

    assertThatThrownBy(() -> LegacyUrls.endpoint(stream, "http://127.0.0.1:9090/message", guard))
        .isInstanceOf(RemoteMcpException.class).hasMessageContaining("another origin (127.0.0.1:9090)");
    assertThatThrownBy(() -> LegacyUrls.endpoint(stream, "https://127.0.0.1:8080/message", guard))
        .isInstanceOf(RemoteMcpException.class);
    assertThatThrownBy(() -> LegacyUrls.endpoint(stream, "http://169.254.169.254/latest", guard))
        .isInstanceOf(OutboundBlockedException.class);
    assertThatThrownBy(() -> LegacyUrls.endpoint(stream, " ", guard)).isInstanceOf(RemoteMcpException.class);
  }
}
