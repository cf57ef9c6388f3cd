package dev.switchboard.upstream;

import static dev.switchboard.upstream.JsonMappers.json;
import static dev.switchboard.upstream.RemoteMcps.inSeconds;
import static dev.switchboard.upstream.RemoteMcps.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.provider.Provider;
import dev.switchboard.tool.McpToolCall;
import dev.switchboard.tool.Tool;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Streamable HTTP transport against an in-process server: JSON and event-stream answers, the
 * session and version headers, an ended session, a stream resumed after it closed early, protocol
 * negotiation, and redirects that would carry the credential elsewhere.
 */
class RemoteMcpStreamableIT {
  FakeMcpServer server;
  RemoteMcp remote;
  Provider fake;

  @BeforeEach
  void start() {
    server = new FakeMcpServer();
    remote = RemoteMcps.client();
    fake = provider("fake", server.url());
  }

  @AfterEach
  void stop() {
    remote.close();
    server.close();
  }

  ToolResult echo(String message) {
    return remote.call(fake, List.of(), "fake/1", "echo", json("{\"message\":\"" + message + "\"}"), inSeconds(5));
  }

  @Test
  void jsonAnswersCarryToolsAndResults() {
    List<Tool> tools = remote.tools(fake, List.of(), "fake/1", inSeconds(5));

    assertThat(tools).singleElement().satisfies(tool -> {
      assertThat(tool.name()).isEqualTo("fake_echo");
      assertThat(tool.localName()).isEqualTo("echo");
      assertThat(tool.description()).isEqualTo("Tool echo");
      assertThat(tool.inputSchema().path("properties").has("message")).isTrue();
      assertThat(tool.requiredScopes()).isEmpty();
      assertThat(tool.recipe()).isEqualTo(new McpToolCall("echo"));
    });
    assertThat(echo("hi").text()).isEqualTo("Echo: hi");
    assertThat(echo("hi").outcome()).isEqualTo(Outcome.OK);
  }

  @Test
  void eventStreamAnswersAreReadEventByEvent() {
    server.eventStreams = true;

    assertThat(remote.tools(fake, List.of(), "fake/1", inSeconds(5))).extracting(Tool::name).containsExactly("fake_echo");
    assertThat(echo("over SSE").text()).isEqualTo("Echo: over SSE");
  }

  @Test
  void initializeThenSessionAndVersionHeadersOnEveryLaterRequest() {
    echo("one");

    // the POSTs; the GET that opens the session's own stream is answered 405 by this server
    List<FakeMcpServer.Request> sent = server.requests.stream().filter(r -> r.method().equals("POST")).toList();
    assertThat(sent).extracting(r -> server.json.readTree(r.body()).path("method").asString())
        .containsExactly("initialize", "notifications/initialized", "tools/call");
    assertThat(sent.get(0).header("MCP-Protocol-Version")).isNull();
    assertThat(sent.get(0).header("Accept")).isEqualTo("application/json, text/event-stream");
    String session = sent.get(0).header("Mcp-Session-Id");
    assertThat(session).isNull();
    for (FakeMcpServer.Request later : sent.subList(1, sent.size())) {
      assertThat(later.header("MCP-Protocol-Version")).isEqualTo("2025-11-25");
      assertThat(later.header("Mcp-Session-Id")).isNotBlank();
    }
    assertThat(server.json.readTree(sent.get(0).body()).path("params").path("protocolVersion").asString())
        .isEqualTo("2025-11-25");
  }

  @Test
  void theSessionIsKeptPerCacheKey() {
    echo("one");
    echo("two");
    remote.call(fake, List.of(), "fake/2", "echo", json("{}"), inSeconds(5));

    assertThat(server.initializes).hasValue(2);
  }

  @Test
  void anEndedSessionIsInitializedAgainOnce() {
    echo("before");
    server.endSessions();

    assertThat(echo("after").text()).isEqualTo("Echo: after");
    assertThat(server.initializes).hasValue(2);
  }

  @Test
  void aStreamThatClosesBeforeTheAnswerIsResumedWithLastEventId() {
    echo("first");
    server.eventStreams = true;
    server.closeBeforeAnswer = true;

    assertThat(echo("resumed").text()).isEqualTo("Echo: resumed");
    FakeMcpServer.Request resume = server.requests.get(server.requests.size() - 1);
    assertThat(resume.method()).isEqualTo("GET");
    assertThat(resume.header("Last-Event-ID")).endsWith("-0");
    assertThat(resume.header("Mcp-Session-Id")).isNotBlank();
  }

  @Test
  void olderRevisionsAreAcceptedAndSentBack() {
    server.protocolVersion = "2025-03-26";

    assertThat(echo("old").text()).isEqualTo("Echo: old");
    assertThat(server.requests.get(server.requests.size() - 1).header("MCP-Protocol-Version")).isEqualTo("2025-03-26");
  }

  @Test
  void anUnknownRevisionIsRefused() {
    server.protocolVersion = "2099-01-01";

    assertThatThrownBy(() -> remote.tools(fake, List.of(), "fake/1", inSeconds(5)))
        .isInstanceOfSatisfying(RemoteMcpException.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.UNREACHABLE))
        .hasMessageContaining("speaks protocol '2099-01-01'");
  }

  @Test
  void closingEndsTheSessionWithDelete() throws InterruptedException {
    echo("one");
    remote.forget("fake/1");

    for (int i = 0; i < 50 && server.requests.stream().noneMatch(r -> r.method().equals("DELETE")); i++) {
      Thread.sleep(20);
    }
    assertThat(server.requests).anySatisfy(r -> {
      assertThat(r.method()).isEqualTo("DELETE");
      assertThat(r.header("Mcp-Session-Id")).isNotBlank();
    });
  }
}
