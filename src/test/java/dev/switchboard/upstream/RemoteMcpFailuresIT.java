package dev.switchboard.upstream;

import static dev.switchboard.upstream.JsonMappers.json;
import static dev.switchboard.upstream.RemoteMcps.inSeconds;
import static dev.switchboard.upstream.RemoteMcps.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.provider.Provider;
import dev.switchboard.tool.Tool;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * How remote answers become outcomes: a rejected credential, a failing or slow server, the tool's
 * own error, a JSON-RPC error, rich content; and that no text repeats the credential.
 */
class RemoteMcpFailuresIT {
  static final Header TOKEN = new Header("Authorization", "Bearer sk-live-4f2a9c1e7b");
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

  ToolResult call(String tool, String arguments, List<Header> auth, Instant deadline) {
    return remote.call(fake, auth, "fake/1", tool, json(arguments), deadline);
  }

  @Test
  void rejectedCredentialSaysSoWithoutRepeatingIt() {
    server.requiredAuthorization = "Bearer the-right-one";

    ToolResult result = call("echo", "{}", List.of(TOKEN), inSeconds(5));

    assertThat(result.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
    assertThat(result.text()).isEqualTo("credentials rejected: the MCP server answered HTTP 401: the token is not valid");
    assertThat(result.upstreamStatus()).contains(401);
    assertThatThrownBy(() -> remote.tools(fake, List.of(TOKEN), "fake/1", inSeconds(5)))
        .isInstanceOfSatisfying(RemoteMcpException.class,
            e -> assertThat(e.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED))
        .hasMessageNotContaining("4f2a9c1e7b");
  }

  @Test
  void theCredentialTravelsOnEveryRequestAndNeverComesBack() {
    server.requiredAuthorization = TOKEN.value();

    ToolResult result = call("echo", "{\"message\":\"my key is sk-live-4f2a9c1e7b\"}", List.of(TOKEN), inSeconds(5));

    assertThat(result.text()).isEqualTo("Echo: my key is [redacted]");
    assertThat(server.requests).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo(TOKEN.value()));
  }

  @Test
  void anEchoedBasicCredentialIsRedactedInTextStructuredValuesAndKeysWhateverItsEncoding() {
    String pair = "me@example.com:pa55/w+rd-9x";
    Header basic = new Header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    String echoed = "pct " + URLEncoder.encode("pa55/w+rd-9x", StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
        + " url-safe " + Base64.getUrlEncoder().withoutPadding().encodeToString(pair.getBytes(StandardCharsets.UTF_8))
        + " plain pa55/w+rd-9x";

    ToolResult result = call("mirror", JsonMappers.JSON.writeValueAsString(Map.of("message", echoed)),
        List.of(basic), inSeconds(5));

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(result.text()).isEqualTo("pct [redacted] url-safe [redacted] plain [redacted]");
    assertThat(result.structured().orElseThrow().path("value").asString()).isEqualTo(result.text());
    assertThat(result.structured().orElseThrow().has(result.text())).isTrue();
    assertThat(result.structured().orElseThrow().toString()).doesNotContain("pa55").doesNotContain("pa55%2f");
  }

  @Test
  void toolDefinitionsQuotingTheAuthorizationHeaderReachNobodyWithTheToken() {
    StringBuilder nested = new StringBuilder();
    for (byte b : TOKEN.value().getBytes(StandardCharsets.UTF_8)) {
      nested.append("\\u0025").append(String.format("%02x", b & 0xff)); // a percent-escape, its sign JSON-escaped
    }
    server.descriptionSuffix = " (you sent Authorization: " + TOKEN.value() + ", that is " + nested + ")";

    List<Tool> tools = remote.tools(fake, List.of(TOKEN), "fake/1", inSeconds(5));

    assertThat(tools).singleElement().satisfies(tool -> {
      assertThat(tool.description()).isEqualTo("Tool echo (you sent Authorization: [redacted], that is [redacted])");
      assertThat(tool.inputSchema().toString()).doesNotContain("4f2a9c1e7b").contains("what to send (you sent");
    });
  }

  @Test
  void serverErrorsAreUnavailability() {
    server.failWith = 503;

    ToolResult result = call("echo", "{}", List.of(), inSeconds(5));

    assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
    assertThat(result.text()).isEqualTo("provider unavailable: the MCP server answered HTTP 503: the server is having a bad day");
  }

  @Test
  void aSlowServerEndsAtTheDeadline() {
    server.slowMillis = 10_000;
    long start = System.nanoTime();

    ToolResult result = call("slow", "{}", List.of(), Instant.now().plusMillis(800));

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
    assertThat(result.text()).startsWith("provider timed out: the request to 127.0.0.1:").contains("timed out after")
        .endsWith(" s");
    assertThat(millis).isLessThan(3_000);
  }

  @Test
  void theToolsOwnErrorIsARefusedRequestWithItsText() {
    ToolResult result = call("fail", "{\"message\":\"gear 3\"}", List.of(), inSeconds(5));

    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(result.text()).isEqualTo("the widget is broken: gear 3");
  }

  @Test
  void aJsonRpcErrorIsARefusedRequestWithItsMessage() {
    ToolResult result = call("refuse", "{}", List.of(), inSeconds(5));

    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(result.text()).contains("Unknown tool: refuse").contains("-32602");
  }

  @Test
  void nonTextContentIsSummarisedAndStructuredContentKept() {
    assertThat(call("picture", "{}", List.of(), inSeconds(5)).text()).isEqualTo("Here it is:\n[image/png, 1234 bytes]");
    ToolResult weather = call("weather", "{}", List.of(), inSeconds(5));
    assertThat(weather.structured()).map(JsonNode::toString).contains("{\"temperature\":21}");
  }

  @Test
  void noLegacyStreamEitherReportsTheStreamableAnswer() {
    server.failWith = 404;

    ToolResult result = call("echo", "{}", List.of(), inSeconds(5));

    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(result.text()).startsWith("the MCP server refused initialize with HTTP 404");
  }

  @Test
  void aRedirectToAnotherOriginIsNotFollowed() {
    server.redirectTo = "http://localhost:1/mcp";

    ToolResult result = call("echo", "{}", List.of(TOKEN), inSeconds(5));

    assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
    assertThat(result.text()).contains("redirects to another origin (localhost:1)");
  }

  @Test
  void theGuardRefusesServersOutsideTheAllowList() {
    try (RemoteMcp strict = new RemoteMcp(new OutboundGuard(OutboundPolicy.parse("")), JsonMappers.JSON,
        Clock.systemUTC())) {
      ToolResult result = strict.call(fake, List.of(TOKEN), "fake/1", "echo", json("{}"), inSeconds(5));

      assertThat(result.outcome()).isEqualTo(Outcome.BLOCKED);
      assertThatThrownBy(() -> strict.tools(fake, List.of(TOKEN), "fake/1", inSeconds(5)))
          .isInstanceOf(OutboundBlockedException.class);
    }
    assertThat(server.requests).isEmpty();
  }
}
