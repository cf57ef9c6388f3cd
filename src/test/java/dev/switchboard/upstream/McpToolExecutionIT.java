package dev.switchboard.upstream;

import static dev.switchboard.upstream.JsonMappers.json;
import static dev.switchboard.upstream.RemoteMcps.inSeconds;
import static dev.switchboard.upstream.RemoteMcps.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.provider.ApiKeyLocation;
import dev.switchboard.provider.ApiKeyMethod;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.BearerMethod;
import dev.switchboard.provider.Provider;
import dev.switchboard.tool.McpToolCall;
import dev.switchboard.tool.Tool;
import dev.switchboard.upstream.internal.HttpToolCall;
import dev.switchboard.vault.SecretFields;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote MCP tools through the {@link ToolExecutor}: the credential is put on the requests by its
 * auth method (header, or the URL's query for a query API key) and never comes back in a result.
 */
class McpToolExecutionIT {
  static final Tool ECHO = new Tool("fake_echo", "fake", "echo", null, null, json("{\"type\":\"object\"}"),
      Set.of(), new McpToolCall("echo"));
  FakeMcpServer server;
  RemoteMcp remote;
  ToolExecutor executor;

  @BeforeEach
  void start() {
    server = new FakeMcpServer();
    remote = RemoteMcps.client();
    executor = new ToolExecutor(new HttpToolCall(new OutboundHttp(RemoteMcps.loopbackGuard()), JsonMappers.JSON, 1000),
        remote, Map.of());
  }

  @AfterEach
  void stop() {
    remote.close();
    server.close();
  }

  ToolResult echo(Provider provider, AuthMethodType type, Map<String, String> secrets, String message) {
    return executor.execute(provider, ECHO, json("{\"message\":\"" + message + "\"}"), type,
        SecretFields.of(secrets), new CallContext("user-1", "cred-1", inSeconds(5)));
  }

  @Test
  void aBearerTokenTravelsInTheAuthorizationHeader() {
    server.requiredAuthorization = "Bearer tok-9d8e7f6a5b";
    Provider provider = provider("fake", server.url(), new BearerMethod());

    ToolResult result = echo(provider, AuthMethodType.BEARER, Map.of("token", "tok-9d8e7f6a5b"), "tok-9d8e7f6a5b");

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(result.text()).isEqualTo("Echo: [redacted]");
    // the content blocks the caller receives are redacted too
    assertThat(result.content().orElseThrow().toString()).contains("Echo: [redacted]").doesNotContain("9d8e7f6a5b");
    assertThat(server.requests).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer tok-9d8e7f6a5b"));
  }

  @Test
  void aQueryApiKeyIsAddedToTheServerUrlAndRedactedFromResults() {
    Provider provider = provider("fake", server.url(), new ApiKeyMethod(ApiKeyLocation.QUERY, "key", null, null));

    ToolResult result = echo(provider, AuthMethodType.API_KEY, Map.of("api_key", "qk-1234 5678"), "qk-1234 5678");

    assertThat(result.text()).isEqualTo("Echo: [redacted]");
    assertThat(server.requests).allSatisfy(r -> {
      assertThat(r.pathAndQuery()).isEqualTo("/mcp?key=qk-1234%205678");
      assertThat(r.headers().values()).noneMatch(v -> v.contains("qk-1234"));
    });
  }

  @Test
  void remoteToolsAreDiscoveredWithTheCredential() {
    server.requiredAuthorization = "Bearer tok-9d8e7f6a5b";
    Provider provider = provider("fake", server.url(), new BearerMethod());

    assertThat(executor.remoteTools(provider, AuthMethodType.BEARER, SecretFields.of(Map.of("token", "tok-9d8e7f6a5b")),
        new CallContext("user-1", "cred-1", inSeconds(5)))).extracting(Tool::name).containsExactly("fake_echo");
    assertThatThrownBy(() -> executor.remoteTools(provider, AuthMethodType.BEARER,
        SecretFields.of(Map.of("token", "tok-wrong-one")), new CallContext("user-1", "cred-2", inSeconds(5))))
        .isInstanceOfSatisfying(RemoteMcpException.class,
            e -> assertThat(e.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED));
  }

  @Test
  void aRejectedKeyIsReportedAsSuch() {
    server.requiredAuthorization = "Bearer right";
    Provider provider = provider("fake", server.url(), new ApiKeyMethod(ApiKeyLocation.HEADER, "Authorization", "Bearer ", null));

    ToolResult result = echo(provider, AuthMethodType.API_KEY, Map.of("api_key", "wrong-key-42"), "x");

    assertThat(result.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
    assertThat(result.text()).startsWith("credentials rejected: ").doesNotContain("wrong-key-42");
  }
}
