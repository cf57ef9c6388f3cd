package dev.switchboard.upstream;

import static dev.switchboard.upstream.RemoteMcps.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.provider.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a remote MCP server sends outside a call's answer — here a debug log line that repeats the
 * Authorization header it received — reaches the clients it is relayed to with the secret redacted.
 */
class RelayedNoticesRedactionIT {
  private static final String TOKEN = "relay-secret-7f3a9c1e5b";
  FakeMcpServer server;
  RemoteMcp remote;
  Provider fake;
  final List<JsonNode> relayed = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = new FakeMcpServer();
    server.eventStreams = true;
    server.logAuthorization = true;
    remote = new RemoteMcp(RemoteMcps.loopbackGuard(), JsonMappers.JSON, Clock.systemUTC(), Duration.ofMinutes(1),
        new CurrentPeer(), (key, notice) -> relayed.add(notice));
    fake = provider("fake", server.url());
  }

  @AfterEach
  void stop() {
    remote.close();
    server.close();
  }

  @Test
  void aServerLogLineThatRepeatsTheTokenIsRelayedRedacted() {
    ToolResult result = remote.call(fake, List.of(new Header("Authorization", "Bearer " + TOKEN)), "fake/1", "echo",
        JsonMappers.JSON.readTree("{\"message\":\"hi\"}"), Instant.now().plusSeconds(20));

    assertThat(result.outcome()).as(result.text()).isEqualTo(Outcome.OK);
    Instant until = Instant.now().plusSeconds(10);
    while (relayed.isEmpty() && Instant.now().isBefore(until)) {
      Thread.onSpinWait();
    }
    assertThat(relayed).isNotEmpty();
    String notice = relayed.get(0).toString();
    assertThat(notice).contains("notifications/message").contains("Authorization").doesNotContain(TOKEN);
  }
}
