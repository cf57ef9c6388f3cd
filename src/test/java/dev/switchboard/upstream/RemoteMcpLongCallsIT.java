package dev.switchboard.upstream;

import static dev.switchboard.upstream.JsonMappers.json;
import static dev.switchboard.upstream.RemoteMcps.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.provider.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Long-running remote MCP calls (docs/remote-mcp-providers.md, "Long-running calls"): every
 * {@code tools/call} asks the server for progress with a token of Switchboard's own, each progress
 * notification reaches the caller and gives the call its whole deadline again, up to the longest call
 * allowed; a call whose thread is interrupted is cancelled on the server.
 */
class RemoteMcpLongCallsIT {
  FakeMcpServer server;
  RemoteMcp remote;
  Provider fake;

  @BeforeEach
  void start() {
    server = new FakeMcpServer();
    server.eventStreams = true;
    remote = new RemoteMcp(RemoteMcps.loopbackGuard(), JsonMappers.JSON, Clock.systemUTC(), RemoteMcp.DEFAULT_TTL,
        RemoteMcp.DEFAULT_MAX_MESSAGE_BYTES, key -> { }, Duration.ofMillis(2_500));
    fake = provider("fake", server.url());
  }

  @AfterEach
  void stop() {
    remote.close();
    server.close();
  }

  @Test
  void progressReachesTheCallerAndKeepsTheCallAlivePastItsDeadline() {
    server.progressSteps = 4;
    server.progressEveryMillis = 300;
    List<JsonNode> updates = new CopyOnWriteArrayList<>();

    ToolResult result = remote.call(fake, List.of(), "fake/1", "echo", json("{\"message\":\"done\"}"),
        Instant.now().plusMillis(700), updates::add);

    assertThat(result.outcome()).as(result.text()).isEqualTo(Outcome.OK);
    assertThat(updates).extracting(u -> u.path("progress").asInt()).containsExactly(1, 2, 3, 4);
    assertThat(updates.get(0).path("total").asInt()).isEqualTo(4);
    assertThat(updates.get(0).path("message").asString()).isEqualTo("step 1");
    JsonNode call = json(server.requests.stream().filter(r -> r.body().contains("tools/call")).findFirst()
        .orElseThrow().body());
    assertThat(call.path("params").path("_meta").path("progressToken").asString()).startsWith("switchboard-progress-");
  }

  @Test
  void progressExtendsACallOnlyUpToTheLongestCall() {
    server.progressSteps = 20;
    server.progressEveryMillis = 300;

    ToolResult result = remote.call(fake, List.of(), "fake/1", "echo", json("{\"message\":\"never\"}"),
        Instant.now().plusMillis(700), update -> { });

    assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
    assertThat(result.text()).startsWith("provider timed out: the request to 127.0.0.1:");
  }

  @Test
  void withoutProgressTheDeadlineHoldsAndIsReportedAsATimeout() {
    server.slowMillis = 5_000;

    ToolResult result = remote.call(fake, List.of(), "fake/1", "slow", json("{}"), Instant.now().plusMillis(600));

    assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
    assertThat(result.text()).startsWith("provider timed out: ").containsPattern("timed out after 0\\.\\d s$");
  }

  @Test
  void anInterruptedCallIsCancelledOnTheServer() throws Exception {
    server.slowMillis = 5_000;
    AtomicReference<Thread> caller = new AtomicReference<>();
    CompletableFuture<ToolResult> call = CompletableFuture.supplyAsync(() -> {
      caller.set(Thread.currentThread());
      return remote.call(fake, List.of(), "fake/1", "slow", json("{}"), Instant.now().plusSeconds(10));
    });
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.requests.stream().noneMatch(r -> r.body().contains("\"slow\"")) && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    caller.get().interrupt();
    call.get(5, TimeUnit.SECONDS);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.requests.stream().noneMatch(r -> r.body().contains("notifications/cancelled"))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    JsonNode slow = json(server.requests.stream().filter(r -> r.body().contains("\"slow\"")).findFirst()
        .orElseThrow().body());
    JsonNode cancelled = json(server.requests.stream().filter(r -> r.body().contains("notifications/cancelled"))
        .findFirst().orElseThrow().body());
    assertThat(cancelled.path("params").path("requestId")).isEqualTo(slow.path("id"));
  }
}
