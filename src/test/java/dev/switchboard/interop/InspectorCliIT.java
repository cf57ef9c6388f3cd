package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The MCP Inspector's command line ({@code @modelcontextprotocol/inspector --cli}) against a
 * bundle, over Streamable HTTP and over the legacy HTTP+SSE transport.
 */
class InspectorCliIT {
  /** Exit code of the Inspector CLI when the called tool answered {@code isError: true}. */
  private static final int TOOL_IS_ERROR = 5;
  @RegisterExtension
  static final NodeBundle peers = new NodeBundle();

  @Test
  void listsTheBundleTools() {
    NodeProcess.Result result = inspector("http", peers.bundle().url(), "--method", "tools/list");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode tools = result.json().path("result").path("tools");
    assertThat(tools.size()).isEqualTo(2);
    assertThat(tools.get(0).path("name").asString()).isEqualTo("calculator_add");
    assertThat(tools.get(0).path("inputSchema").path("required").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(tools.get(1).path("name").asString()).isEqualTo("calculator_divide");
  }

  @Test
  void callsATool() {
    NodeProcess.Result result = inspector("http", peers.bundle().url(), "--method", "tools/call",
        "--tool-name", "calculator_add", "--tool-arg", "a=1", "--tool-arg", "b=41");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode call = result.json().path("result");
    assertThat(call.path("isError").asBoolean()).isFalse();
    assertThat(call.path("content").get(0).path("text").asString()).isEqualTo("42");
  }

  @Test
  void overTheLegacySseTransportAFailingCallIsReportedAsAToolError() {
    NodeProcess.Result result = inspector("sse", peers.bundle().url() + "/sse", "--method", "tools/call",
        "--tool-name", "calculator_divide", "--tool-arg", "a=1", "--tool-arg", "b=0");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(TOOL_IS_ERROR);
    JsonNode call = result.json().path("result");
    assertThat(call.path("isError").asBoolean()).isTrue();
    assertThat(call.path("content").get(0).path("text").asString()).contains("zero");
  }

  private static NodeProcess.Result inspector(String transport, String url, String... method) {
    List<String> args = new ArrayList<>(List.of("--cli", url, "--transport", transport,
        "--header", "Authorization: Bearer " + peers.bundle().token(), "--format", "json"));
    args.addAll(List.of(method));
    return NodeProcess.run(
        NodePeers.module("@modelcontextprotocol/inspector", "clients/launcher/build/index.js"),
        args, Map.of(), Duration.ofSeconds(60));
  }
}
