package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The official TypeScript SDK client ({@code @modelcontextprotocol/sdk} 1.x, {@code src/test/node/sdk-client.mjs})
 * against a bundle over Streamable HTTP, for each revision negotiated with {@code initialize}.
 */
class TypeScriptSdkIT {
  @RegisterExtension
  static final NodeBundle peers = new NodeBundle();

  @ParameterizedTest
  @ValueSource(strings = {"2025-03-26", "2025-06-18", "2025-11-25"})
  void connectsListsAndCallsAtEachInitializeRevision(String version) {
    JsonNode out = run(version, "calculator_add", "{\"a\":2,\"b\":40}");

    assertThat(out.path("protocolVersion").asString()).isEqualTo(version);
    // after initialize the SDK sends the negotiated revision in MCP-Protocol-Version
    assertThat(out.path("versionHeaders").toString()).isEqualTo("[\"" + version + "\"]");
    assertThat(out.path("session").asBoolean()).isTrue();
    assertThat(out.path("server").path("name").asString()).isEqualTo("switchboard");
    assertThat(out.path("tools").toString()).isEqualTo("[\"calculator_add\",\"calculator_divide\"]");
    JsonNode call = out.path("call");
    assertThat(call.path("isError").asBoolean()).isFalse();
    assertThat(call.path("content").get(0).path("text").asString()).isEqualTo("42");
    assertThat(call.path("structuredContent").path("result").asInt()).isEqualTo(42);
  }

  @Test
  void aFailingCallIsAToolResultWithIsErrorNotAProtocolError() {
    JsonNode call = run("", "calculator_divide", "{\"a\":1,\"b\":0}").path("call");

    assertThat(call.path("isError").asBoolean()).isTrue();
    assertThat(call.path("content").get(0).path("text").asString()).contains("zero");
  }

  private static JsonNode run(String version, String tool, String arguments) {
    NodeProcess.Result result = NodeProcess.run(NodePeers.script("sdk-client.mjs"), List.of(),
        Map.of("MCP_URL", peers.bundle().url(), "MCP_TOKEN", peers.bundle().token(), "MCP_TOOL", tool,
            "MCP_ARGS", arguments, "MCP_PROTOCOL_VERSION", version),
        Duration.ofSeconds(60));
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result.json();
  }
}
