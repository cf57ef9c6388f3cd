package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The 2.x TypeScript client ({@code @modelcontextprotocol/client}, {@code src/test/node/client2-stateless.mjs})
 * pinned to the stateless revision 2026-07-28: {@code server/discover}, then requests that each
 * carry their own {@code _meta}, with no session; and its {@code subscriptions/listen} stream
 * ({@code src/test/node/client2-listen.mjs}).
 */
class TypeScriptClient2IT {
  @RegisterExtension
  static final NodeBundle peers = new NodeBundle();

  @Test
  void pinnedToTheStatelessRevisionItDiscoversListsAndCalls() {
    NodeProcess.Result result = NodeProcess.run(NodePeers.script("client2-stateless.mjs"), List.of(),
        Map.of("MCP_URL", peers.bundle().url(), "MCP_TOKEN", peers.bundle().token(), "MCP_TOOL", "calculator_add",
            "MCP_ARGS", "{\"a\":2,\"b\":40}", "MCP_PROTOCOL_VERSION", "2026-07-28"),
        Duration.ofSeconds(60));
    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode out = result.json();

    assertThat(out.path("protocolVersion").asString()).isEqualTo("2026-07-28");
    assertThat(out.path("era").asString()).isEqualTo("modern");
    assertThat(out.path("session").asBoolean()).isFalse();
    assertThat(out.path("supportedVersions").toString()).contains("\"2026-07-28\"");
    assertThat(out.path("server").path("name").asString()).isEqualTo("switchboard");
    assertThat(out.path("tools").toString()).isEqualTo("[\"calculator_add\",\"calculator_divide\"]");
    JsonNode call = out.path("call");
    assertThat(call.path("isError").asBoolean()).isFalse();
    assertThat(call.path("content").get(0).path("text").asString()).isEqualTo("42");
    assertThat(call.path("structuredContent").path("result").asInt()).isEqualTo(42);
  }

  @Test
  void aListenStreamIsAcknowledgedWithItsFilterAndDeliversListChanged() {
    NodeProcess.Result result = NodeProcess.run(NodePeers.script("client2-listen.mjs"), List.of(),
        Map.of("MCP_URL", peers.bundle().url(), "MCP_TOKEN", peers.bundle().token(),
            "API_URL", peers.bundle().server().url("")), Duration.ofSeconds(60));
    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode out = result.json();

    // only tool-list changes are delivered; the prompts bit is not honored
    assertThat(out.path("honored").toString()).isEqualTo("{\"toolsListChanged\":true}");
    assertThat(out.path("ackMs").asLong()).isLessThan(5000);
    assertThat(out.path("created").asInt()).isEqualTo(201);
    assertThat(out.path("received").asBoolean()).as(result.toString()).isTrue();
  }
}
