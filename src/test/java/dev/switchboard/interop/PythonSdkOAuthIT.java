package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The official MCP Python SDK's OAuth client provider ({@code src/test/python/oauth_client.py})
 * connects to a bundle with no token configured: it discovers Switchboard as the authorization
 * server, registers dynamically, gets the user's consent (the script signs in and approves over
 * HTTP) and calls a tool; its token is refused on another bundle.
 */
class PythonSdkOAuthIT {
  private static Path dir;
  private static CalculatorBundle bundle;

  @BeforeAll
  static void start() throws IOException {
    if (PythonPeers.installed()) {
      dir = Files.createTempDirectory("switchboard-python-oauth");
      bundle = CalculatorBundle.start(dir);
      OAuthBundles.addOther(bundle);
    }
  }

  @BeforeEach
  void requirePython() {
    PythonPeers.require();
  }

  @AfterAll
  static void stop() {
    if (bundle != null) {
      bundle.close();
    }
  }

  @Test
  void registersGetsConsentCallsAToolAndIsRefusedOnAnotherBundle() {
    flow(bundle.server().url(""));
  }

  /** The report: given a 127.0.0.1 URL, the SDK refused metadata that named localhost. */
  @Test
  void worksTheSameThroughTheLoopbackAddress() {
    flow(bundle.server().url("").replace("://localhost:", "://127.0.0.1:"));
  }

  private static void flow(String origin) {
    String url = origin + "/mcp/bundle/" + CalculatorBundle.SLUG;
    NodeProcess.Result result = NodeProcess.exec(
        List.of(PythonPeers.python().toAbsolutePath().toString(),
            PythonPeers.script("oauth_client.py").toAbsolutePath().toString()),
        Map.of("MCP_URL", url, "OTHER_URL", origin + "/mcp/bundle/" + OAuthBundles.OTHER,
            "EMAIL", OAuthBundles.EMAIL,
            "PASSWORD", OAuthBundles.PASSWORD, "TOOL", "calculator_add", "ARGS", "{\"a\":2,\"b\":40}"),
        Duration.ofSeconds(90));
    assertThat(result.exitCode()).as(result.toString()).isZero();
    JsonNode out = result.json();

    assertThat(out.path("tools").toString()).isEqualTo("[\"calculator_add\",\"calculator_divide\"]");
    assertThat(out.path("isError").asBoolean()).isFalse();
    assertThat(out.path("text").asString()).isEqualTo("42");
    assertThat(out.path("consent").path("client").asString()).isEqualTo("Python SDK interop test");
    assertThat(out.path("consent").path("identity").asString()).startsWith("Not verified");
    assertThat(out.path("consent").path("host").asString()).isEqualTo("http://127.0.0.1");
    assertThat(out.path("tokenPrefix").asString()).isEqualTo("sb_oat_");
    assertThat(out.path("otherStatus").asInt()).isEqualTo(401);
    assertThat(out.path("otherChallenge").asString()).contains("error=\"invalid_token\"")
        .contains("resource_metadata=\"" + origin + "/.well-known/oauth-protected-resource/mcp/bundle/other\"");
    // an MCP token is no key to the REST API
    assertThat(out.path("apiStatus").asInt()).isEqualTo(401);
  }
}
