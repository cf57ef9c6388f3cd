package dev.switchboard.upstream;

import static dev.switchboard.upstream.JsonMappers.json;
import static dev.switchboard.upstream.RemoteMcps.inSeconds;
import static dev.switchboard.upstream.RemoteMcps.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.provider.Provider;
import dev.switchboard.tool.McpToolCall;
import dev.switchboard.tool.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Switchboard's MCP client against the reference server {@code @modelcontextprotocol/server-everything}
 * ({@link EverythingServer}): over Streamable HTTP, and over the legacy HTTP+SSE transport reached by
 * the fallback from the {@code /mcp} URL.
 */
class RemoteMcpEverythingIT {
  static EverythingServer streamable;
  static EverythingServer legacy;
  static RemoteMcp remote;

  @BeforeAll
  static void start() {
    remote = RemoteMcps.client();
    if (EverythingServer.installed()) {
      streamable = EverythingServer.start("streamableHttp");
      legacy = EverythingServer.start("sse");
    }
  }

  @BeforeEach
  void requireServer() {
    EverythingServer.requireInstalled();
  }

  @AfterAll
  static void stop() {
    try {
      remote.close();
    } finally {
      try {
        if (streamable != null) {
          streamable.close();
        }
      } finally {
        if (legacy != null) {
          legacy.close();
        }
      }
    }
  }

  static ToolResult echo(Provider provider, String key, String message) {
    return remote.call(provider, List.of(), key, "echo", json("{\"message\":\"" + message + "\"}"), inSeconds(10));
  }

  /** Every tool the pinned version serves to a client without sampling, elicitation or roots. */
  @Test
  void allToolsArePrefixedWithTheProviderAndKeepTheirSchemas() {
    List<Tool> tools = remote.tools(provider("everything", streamable.url("/mcp")), List.of(), "everything/a", inSeconds(10));

    assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrder("everything_echo",
        "everything_get_annotated_message", "everything_get_env", "everything_get_resource_links",
        "everything_get_resource_reference", "everything_get_structured_content", "everything_get_sum",
        "everything_get_tiny_image", "everything_gzip_file_as_resource", "everything_toggle_simulated_logging",
        "everything_toggle_subscriber_updates", "everything_trigger_long_running_operation",
        "everything_simulate_research_query",
        // registered only for a client that declares sampling, elicitation and roots, as Switchboard's does
        "everything_get_roots_list", "everything_trigger_elicitation_request", "everything_trigger_sampling_request");
    Tool echo = tools.stream().filter(t -> t.name().equals("everything_echo")).findFirst().orElseThrow();
    assertThat(echo.recipe()).isEqualTo(new McpToolCall("echo", Optional.of(true)));
    assertThat(echo.title()).isEqualTo("Echo Tool");
    assertThat(echo.description()).isEqualTo("Echoes back the input string");
    assertThat(echo.inputSchema().path("required")).isEqualTo(json("[\"message\"]"));
    assertThat(echo.upstreamFields().path("annotations").path("readOnlyHint").asBoolean()).isTrue();
    assertThat(tools).allSatisfy(t -> assertThat(t.upstreamFields().path("annotations").isObject()).as(t.name()).isTrue());
    assertThat(tools).extracting(t -> ((McpToolCall) t.recipe()).upstreamName()).contains("get-tiny-image");
  }

  @Test
  void echoRoundTripsOverStreamableHttp() {
    ToolResult result = echo(provider("everything", streamable.url("/mcp")), "everything/b", "hello there");

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(result.text()).isEqualTo("Echo: hello there");
    assertThat(result.content()).contains(json("[{\"type\":\"text\",\"text\":\"Echo: hello there\"}]"));
  }

  @Test
  void richResultsAreMapped() {
    Provider provider = provider("everything", streamable.url("/mcp"));
    ToolResult image = remote.call(provider, List.of(), "everything/c", "get-tiny-image", json("{}"), inSeconds(10));
    ToolResult weather = remote.call(provider, List.of(), "everything/c", "get-structured-content",
        json("{\"location\":\"Chicago\"}"), inSeconds(10));
    ToolResult invalid = remote.call(provider, List.of(), "everything/c", "echo", json("{}"), inSeconds(10));

    assertThat(image.outcome()).isEqualTo(Outcome.OK);
    assertThat(image.text()).containsPattern("\\[image/png, \\d+ bytes\\]");
    assertThat(image.content().orElseThrow().get(1).path("type").asString()).isEqualTo("image");
    assertThat(image.content().orElseThrow().get(1).path("data").asString()).hasSizeGreaterThan(1000);
    assertThat(weather.structured()).map(s -> s.path("temperature")).contains(json("36"));
    assertThat(invalid.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(invalid.text()).contains("message");
  }

  @Test
  void aRestartedServerIsInitializedAgain() {
    Provider provider = provider("everything", streamable.url("/mcp"));
    assertThat(echo(provider, "everything/d", "before").text()).isEqualTo("Echo: before");

    streamable.restart();

    assertThat(echo(provider, "everything/d", "after").text()).isEqualTo("Echo: after");
  }

  @Test
  void aLegacySseServerIsReachedThroughTheFallback() {
    Provider provider = provider("everything", legacy.url("/mcp"));

    List<Tool> tools = remote.tools(provider, List.of(), "everything/e", inSeconds(10));
    ToolResult result = echo(provider, "everything/e", "over the old transport");

    assertThat(tools).extracting(Tool::name).contains("everything_echo", "everything_get_sum");
    assertThat(result.text()).isEqualTo("Echo: over the old transport");
  }

  @Test
  void theLegacyStreamIsKeptAndCarriesConcurrentCalls() throws Exception {
    Provider provider = provider("everything", legacy.url("/sse"));
    List<Callable<ToolResult>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String message = "call " + i;
      calls.add(() -> echo(provider, "everything/f", message));
    }
    echo(provider, "everything/f", "warm up");

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<String> texts = new ArrayList<>();
      for (Future<ToolResult> future : pool.invokeAll(calls)) {
        texts.add(future.get().text());
      }
      assertThat(texts).containsExactly("Echo: call 0", "Echo: call 1", "Echo: call 2", "Echo: call 3",
          "Echo: call 4", "Echo: call 5", "Echo: call 6", "Echo: call 7");
    } finally {
      pool.shutdownNow();
    }
  }
}
