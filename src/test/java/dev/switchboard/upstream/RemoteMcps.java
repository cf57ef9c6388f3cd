package dev.switchboard.upstream;

import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.Category;
import dev.switchboard.provider.NoAuthMethod;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderKind;
import dev.switchboard.provider.ProviderStatus;
import dev.switchboard.provider.ValidationSpec;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** MCP providers and remote MCP clients for tests: loopback allowed, no name ever sent to DNS. */
final class RemoteMcps {
  private RemoteMcps() {}

  static OutboundGuard loopbackGuard() {
    return new OutboundGuard(OutboundPolicy.parse("127.0.0.1/32"), name -> {
      throw new UnknownHostException(name);
    });
  }

  static RemoteMcp client(Clock clock, Consumer<String> toolsChanged) {
    return new RemoteMcp(loopbackGuard(), JsonMappers.JSON, clock, RemoteMcp.DEFAULT_TTL,
        RemoteMcp.DEFAULT_MAX_MESSAGE_BYTES, toolsChanged);
  }

  static RemoteMcp client() {
    return client(Clock.systemUTC(), key -> { });
  }

  static Provider provider(String slug, String mcpUrl, AuthMethod... methods) {
    return new Provider(slug, slug, "a remote MCP server", Category.DEVELOPER_TOOLS, ProviderKind.MCP,
        ProviderStatus.ACTIVE, null, null, mcpUrl, null, null, null,
        methods.length == 0 ? List.of(new NoAuthMethod()) : List.of(methods), null,
        new ValidationSpec("echo", Map.of("message", "hello")));
  }

  static Instant inSeconds(long seconds) {
    return Instant.now().plus(Duration.ofSeconds(seconds));
  }
}
