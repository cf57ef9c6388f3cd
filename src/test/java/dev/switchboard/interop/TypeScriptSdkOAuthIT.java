package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.LocalHttpServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The official TypeScript SDK's client auth (what the Inspector and {@code mcp-remote} use;
 * {@code src/test/node/sdk-oauth-client.mjs}) connects to a bundle with no token: once by dynamic
 * registration, once with a Client ID Metadata Document served from a local URL that the outbound
 * guard allows (the tests' SWITCHBOARD_OUTBOUND_ALLOW lets 127.0.0.1 through). Each ends with a tool
 * call and its token refused on another bundle.
 */
class TypeScriptSdkOAuthIT {
  @RegisterExtension
  static final NodeBundle peers = new NodeBundle();

  @BeforeAll
  static void addOtherBundle() {
    if (peers.bundle() != null) {
      OAuthBundles.addOther(peers.bundle());
    }
  }

  @Test
  void registersDynamicallyGetsConsentCallsAToolAndIsRefusedOnAnotherBundle() {
    JsonNode out = run(Map.of());

    assertThat(out.path("consent").path("client").asString()).isEqualTo("TypeScript SDK interop test");
    assertThat(out.path("consent").path("identity").asString()).startsWith("Not verified");
    assertThat(out.path("clientId").asString()).startsWith("sbc_");
    assertCalledAndRefusedElsewhere(out);
  }

  @Test
  void aClientIdMetadataDocumentNamesAndVerifiesTheClient() {
    try (LocalHttpServer documents = LocalHttpServer.start()) {
      String clientId = documents.url("/clients/ts-interop.json");
      documents.on("/clients/ts-interop.json", LocalHttpServer.answer(200, "{\"client_id\":\"" + clientId + "\","
          + "\"client_name\":\"TS interop (metadata document)\",\"redirect_uris\":[\"http://127.0.0.1:33418/callback\"],"
          + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"token_endpoint_auth_method\":\"none\"}",
          "Content-Type", "application/json"));

      JsonNode out = run(Map.of("CLIENT_ID_URL", clientId));

      assertThat(out.path("consent").path("client").asString()).isEqualTo("TS interop (metadata document)");
      assertThat(out.path("consent").path("identity").asString()).startsWith("Verified by its metadata document");
      assertThat(out.path("clientId").asString()).isEqualTo(clientId);
      assertCalledAndRefusedElsewhere(out);
      // fetched once for the authorization request and the token request (kept for a while)
      assertThat(documents.requests()).hasSize(1);
    }
  }

  private static void assertCalledAndRefusedElsewhere(JsonNode out) {
    assertThat(out.path("stateEchoed").asBoolean()).isTrue();
    assertThat(out.path("resource").asString()).isEqualTo(peers.bundle().url());
    assertThat(out.path("tools").toString()).isEqualTo("[\"calculator_add\",\"calculator_divide\"]");
    assertThat(out.path("isError").asBoolean()).isFalse();
    assertThat(out.path("text").asString()).isEqualTo("42");
    assertThat(out.path("tokenPrefix").asString()).isEqualTo("sb_oat_");
    assertThat(out.path("otherStatus").asInt()).isEqualTo(401);
    assertThat(out.path("otherChallenge").asString()).contains("error=\"invalid_token\"");
  }

  private static JsonNode run(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(Map.of("MCP_URL", peers.bundle().url(),
        "OTHER_URL", OAuthBundles.otherUrl(peers.bundle()), "EMAIL", OAuthBundles.EMAIL,
        "PASSWORD", OAuthBundles.PASSWORD, "MCP_TOOL", "calculator_add", "MCP_ARGS", "{\"a\":2,\"b\":40}"));
    env.putAll(extra);
    NodeProcess.Result result = NodeProcess.run(NodePeers.script("sdk-oauth-client.mjs"), List.of(), env,
        Duration.ofSeconds(60));
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result.json();
  }
}
