package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Remote MCP providers verify like API providers (docs/credentials.md): Save & Verify of a token the
 * server rejects answers 201 with the credential in ERROR "credentials_rejected" and the server's
 * reason, and stores one credential; a server that fails gives "provider_unreachable"; a VERIFIED
 * token the server starts rejecting fails on its next call.
 */
class McpProviderVerificationIT {
  @TempDir
  static Path dir;
  static FakeMcpServer mcp;
  static TestServer server;
  static Api user;
  static String token;

  @BeforeAll
  static void start() {
    mcp = new FakeMcpServer();
    mcp.requiredAuthorization = "Bearer good-token-0000000001";
    server = TestServer.sqlite(dir);
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    Api.Answer registered = admin.post("/api/v1/admin/providers/mcp", Map.of("slug", "fake", "name", "Fake",
        "mcpUrl", mcp.url(), "authMethods", List.of(Map.of("type", "BEARER")), "validationTool", "echo",
        "validationArguments", Map.of("message", "ping")));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    token = Cli.userWithToken(server.env(), "mcp-verify@example.com");
    user = new Api(server, token);
  }

  @AfterAll
  static void stop() {
    server.close();
    mcp.close();
  }

  static Api.Answer saveAndVerify(String bearer, String label) {
    return user.post("/api/v1/credentials?verify=true",
        Map.of("provider", "fake", "authMethod", "BEARER", "label", label, "fields", Map.of("token", bearer)));
  }

  static int credentialsLabelled(String label) {
    int n = 0;
    for (JsonNode c : user.get("/api/v1/credentials?provider=fake").json().path("items")) {
      n += c.path("label").asString().equals(label) ? 1 : 0;
    }
    return n;
  }

  @Test
  void aRejectedTokenIsOneCredentialInErrorWithTheServersReason() {
    Api.Answer saved = saveAndVerify("wrong-token-000000000002", "Wrong");
    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    assertThat(saved.json().path("verification").asString()).isEqualTo("ERROR");
    assertThat(saved.json().path("verificationCode").asString()).isEqualTo("credentials_rejected");
    assertThat(saved.json().path("verificationMessage").asString()).contains("HTTP 401")
        .contains("the token is not valid").doesNotContain("wrong-token");
    assertThat(credentialsLabelled("Wrong")).isEqualTo(1);

    Api.Answer again = user.post("/api/v1/credentials/" + saved.json().path("id").asString() + "/verify", Map.of());
    assertThat(again.status()).as("no more 400 'is not a tool of'").isEqualTo(200);
    assertThat(again.json().path("verificationCode").asString()).isEqualTo("credentials_rejected");
  }

  @Test
  void aFailingServerIsUnreachableNotRejected() {
    mcp.failWith = 503;
    try {
      Api.Answer saved = saveAndVerify("good-token-0000000001", "Down");
      assertThat(saved.status()).as(saved.body()).isEqualTo(201);
      assertThat(saved.json().path("verification").asString()).isEqualTo("ERROR");
      assertThat(saved.json().path("verificationCode").asString()).isEqualTo("provider_unreachable");
      assertThat(saved.json().path("verificationMessage").asString()).contains("503");
    } finally {
      mcp.failWith = 0;
    }
  }

  @Test
  void aVerifiedTokenTheServerStartsRejectingFailsOnItsNextCall() {
    Api.Answer saved = saveAndVerify("good-token-0000000001", "Good");
    assertThat(saved.json().path("verification").asString()).as(saved.body()).isEqualTo("VERIFIED");
    String id = saved.json().path("id").asString();
    assertThat(user.post("/api/v1/bundles", Map.of("slug", "fake-echo", "name", "Echo",
        "tools", List.of("fake_echo"))).status()).isEqualTo(201);
    McpCall call = new McpCall(server, token, "/mcp/bundle/fake-echo");
    assertThat(call.call("fake_echo", Map.of("message", "hi")).path("isError").asBoolean()).isFalse();

    mcp.requiredAuthorization = "Bearer rotated-token-00000003";
    try {
      assertThat(call.call("fake_echo", Map.of("message", "hi")).path("isError").asBoolean()).isTrue();
      JsonNode after = user.get("/api/v1/credentials/" + id).json();
      assertThat(after.path("verification").asString()).isEqualTo("ERROR");
      assertThat(after.path("verificationCode").asString()).isEqualTo("credentials_rejected");
      assertThat(after.path("current").asBoolean()).isFalse();
    } finally {
      mcp.requiredAuthorization = "Bearer good-token-0000000001";
    }
  }
}
