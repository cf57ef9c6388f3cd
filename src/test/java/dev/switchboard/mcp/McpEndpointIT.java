package dev.switchboard.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The MCP endpoints at the protocol level, with the built-in calculator as the upstream. */
class McpEndpointIT {
  @TempDir
  static Path dir;
  static TestServer server;
  static String token;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    token = Cli.userWithToken(server.env(), "mcp@example.com");
    Api api = new Api(server, token);
    Api.Answer created = api.post("/api/v1/credentials?verify=true",
        Map.of("provider", "calculator", "authMethod", "NONE", "label", "Demo", "fields", Map.of()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("verification").asString()).isEqualTo("VERIFIED");
    Api.Answer bundle = api.post("/api/v1/bundles", Map.of("slug", "maths", "name", "Maths",
        "tools", List.of("calculator_add", "calculator_divide")));
    assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
    assertThat(bundle.json().path("mcpUrl").asString()).isEqualTo(server.url("/mcp/bundle/maths"));
    api.post("/api/v1/bundles", Map.of("slug", "maths-dynamic", "name", "Maths", "mode", "DYNAMIC",
        "tools", List.of("calculator_add", "calculator_multiply")));
    api.post("/api/v1/bundles/maths-dynamic/enable", Map.of());
  }

  static List<String> names(JsonNode array) {
    return names(array, "name");
  }

  static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asString()));
    return out;
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  McpClient client() {
    return new McpClient(server, token, "/mcp/bundle/maths");
  }

  @Test
  void initializeListAndCallForEveryInitializeVersion() {
    for (String version : List.of("2025-03-26", "2025-06-18", "2025-11-25")) {
      McpClient c = client();
      c.version = version;
      Api.Answer init = c.initialize();
      assertThat(init.status()).isEqualTo(200);
      assertThat(init.json().path("result").path("protocolVersion").asString()).isEqualTo(version);
      assertThat(init.json().path("result").path("capabilities").path("tools").path("listChanged").asBoolean()).isTrue();
      assertThat(c.session).isNotBlank();
      JsonNode tools = c.request("tools/list", Map.of()).json().path("result").path("tools");
      assertThat(names(tools)).containsExactlyInAnyOrder("calculator_add", "calculator_divide");
      JsonNode call = c.request("tools/call", Map.of("name", "calculator_add",
          "arguments", Map.of("a", 2, "b", 40))).json().path("result");
      assertThat(call.path("isError").asBoolean()).isFalse();
      assertThat(call.path("content").get(0).path("text").asString()).isEqualTo("42");
      assertThat(call.path("structuredContent").path("result").asInt()).isEqualTo(42);
    }
  }

  @Test
  void metricsCountToolCallsByProviderAndOutcome() {
    McpClient c = client();
    c.initialize();
    c.request("tools/call", Map.of("name", "calculator_add", "arguments", Map.of("a", 1, "b", 1)));
    String metrics = new Api(server, null).get("/metrics").body();
    assertThat(metrics).contains("switchboard_tool_calls_seconds_count{")
        .contains("provider=\"calculator\"").contains("outcome=\"OK\"")
        .contains("switchboard_db_connections_active")
        .contains("switchboard_vault_operations_total{result=\"opened\"}").doesNotContain("usr_");
  }

  @Test
  void unknownVersionIsNegotiatedDownAndUnsupportedHeaderIs400() {
    McpClient c = client();
    c.version = "2099-01-01";
    c.version = null;
    Api.Answer init = c.request("initialize", Map.of("protocolVersion", "2099-01-01",
        "capabilities", Map.of(), "clientInfo", Map.of("name", "t", "version", "1")));
    assertThat(init.json().path("result").path("protocolVersion").asString()).isEqualTo("2025-11-25");
    c.version = "1999-01-01";
    assertThat(c.request("tools/list", Map.of()).status()).isEqualTo(400);
  }

  @Test
  void errorsAreJsonRpcErrorsAndTheServerKeepsServing() {
    McpClient c = client();
    c.initialize();
    Api.Answer malformed = c.raw("{\"jsonrpc\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().path("error").path("code").asInt()).isEqualTo(-32700);
    Api.Answer batch = c.raw("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");
    assertThat(batch.status()).isEqualTo(400);
    assertThat(batch.json().path("error").path("code").asInt()).isEqualTo(-32600);
    Api.Answer wrongVersion = c.raw("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}");
    assertThat(wrongVersion.json().path("error").path("code").asInt()).isEqualTo(-32600);
    Api.Answer missingId = c.raw("{\"jsonrpc\":\"2.0\",\"method\":\"tools/list\"}");
    assertThat(missingId.json().path("error").path("code").asInt()).isEqualTo(-32600);
    Api.Answer huge = c.raw("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\""
        + "a".repeat(10 * 1024 * 1024) + "\"}}");
    assertThat(huge.status()).isEqualTo(413);
    Api.Answer unknownMethod = c.request("resources/list", Map.of());
    assertThat(unknownMethod.json().path("error").path("code").asInt()).isEqualTo(-32601);
    Api.Answer unknownTool = c.request("tools/call", Map.of("name", "nope", "arguments", Map.of()));
    assertThat(unknownTool.json().path("error").path("code").asInt()).isEqualTo(-32602);
    Api.Answer badCursor = c.request("tools/list", Map.of("cursor", "not-a-cursor"));
    assertThat(badCursor.json().path("error").path("code").asInt()).isEqualTo(-32602);
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("sb1:10".getBytes(StandardCharsets.UTF_8));
    Api.Answer forgedCursor = c.request("tools/list", Map.of("cursor", forged));
    assertThat(forgedCursor.json().path("error").path("code").asInt()).as(forgedCursor.body()).isEqualTo(-32602);
    assertThat(forgedCursor.json().path("error").path("message").asString()).startsWith("invalid cursor");
    Api.Answer badArgs = c.request("tools/call", Map.of("name", "calculator_add", "arguments", Map.of("a", "x")));
    assertThat(badArgs.json().path("result").path("isError").asBoolean()).isTrue();
    assertThat(badArgs.body()).doesNotContain("Exception").doesNotContain("at dev.");
    assertThat(c.request("ping", Map.of()).json().path("result").isObject()).isTrue();
  }

  @Test
  void sessionsEndWithDeleteAndAreBoundToTheirEndpoint() {
    McpClient c = client();
    c.initialize();
    McpClient other = new McpClient(server, token, "/mcp/bundle/maths-dynamic");
    other.session = c.session;
    assertThat(other.request("tools/list", Map.of()).status()).isEqualTo(404);
    Api.Answer deleted = c.api.send(c.builder().DELETE());
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(c.request("tools/list", Map.of()).status()).isEqualTo(404);
    c.session = c.session.substring(0, c.session.length() - 2) + "xx";
    assertThat(c.request("tools/list", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void aGetStreamWithoutProtocolVersionHeaderOpensAsIn20250326() throws Exception {
    McpClient c = client();
    c.version = "2025-03-26";
    c.initialize();
    c.version = null; // 2025-03-26 clients never send MCP-Protocol-Version
    HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(
        c.builder().header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = stream.body()) {
      assertThat(stream.statusCode()).isEqualTo(200);
      assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
      assertThat(new String(body.readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("id: 0");
    }
    c.version = "1999-01-01";
    assertThat(c.api.send(c.builder().header("Accept", "text/event-stream").GET()).status()).isEqualTo(400);
  }

  @Test
  void aLargeAnswerIsGzippedForAClientThatAcceptsItAndOnlyThen() throws Exception {
    McpClient c = new McpClient(server, token, "/mcp/bundle/maths-dynamic");
    c.initialize();
    // the meta-tools' definitions and a long request id, echoed: more than Javalin's threshold of 1,500 bytes
    String list = "{\"jsonrpc\":\"2.0\",\"id\":\"" + "7".repeat(600) + "\",\"method\":\"tools/list\"}";
    HttpResponse<byte[]> zipped = HttpClient.newHttpClient().send(c.builder().header("Accept-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofString(list)).build(), HttpResponse.BodyHandlers.ofByteArray());
    Api.Answer plain = c.raw(list);

    assertThat(plain.body().getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(1500);
    assertThat(plain.raw().headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.headers().allValues("Vary")).contains("Accept-Encoding");
    assertThat(plain.raw().headers().allValues("Vary")).contains("Accept-Encoding");
    assertThat(zipped.headers().firstValueAsLong("Content-Length")).hasValue(zipped.body().length);
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertThat(Api.JSON.readTree(in)).isEqualTo(plain.json());
    }
  }

  @Test
  void unauthenticatedCallersGet401WithResourceMetadataAndForeignOriginsGet403() {
    McpClient anonymous = new McpClient(server, null, "/mcp/bundle/maths");
    Api.Answer a = anonymous.request("tools/list", Map.of());
    assertThat(a.status()).isEqualTo(401);
    String challenge = a.raw().headers().firstValue("WWW-Authenticate").orElseThrow();
    assertThat(challenge).contains("resource_metadata=\"" + server.url("/.well-known/oauth-protected-resource/mcp/bundle/maths"));
    Api.Answer metadata = new Api(server, null).get("/.well-known/oauth-protected-resource/mcp/bundle/maths");
    assertThat(metadata.json().path("resource").asString()).isEqualTo(server.url("/mcp/bundle/maths"));
    McpClient c = client();
    Api.Answer foreign = c.api.send(c.builder().header("Origin", "https://evil.example.com")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));
    assertThat(foreign.status()).isEqualTo(403);
  }

  @Test
  void corsPreflightIsAnsweredForAllowedOriginsOnlyAndAnswersExposeTheMcpHeaders() {
    Api anonymous = new Api(server, null);
    for (String path : List.of("/mcp/bundle/maths", "/mcp/hub", "/mcp/bundle/maths/sse", "/mcp/hub/messages",
        "/.well-known/oauth-protected-resource/mcp/bundle/maths")) {
      Api.Answer preflight = anonymous.send(anonymous.builder(path).header("Origin", "http://localhost:6274")
          .header("Access-Control-Request-Method", "POST")
          .header("Access-Control-Request-Headers", "authorization,content-type,mcp-protocol-version")
          .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
      assertThat(preflight.status()).as(path).isEqualTo(204);
      assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:6274");
      assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Headers").orElse(""))
          .contains("Authorization", "Content-Type", "Mcp-Session-Id", "MCP-Protocol-Version", "Last-Event-ID");
      assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }
    Api.Answer mcpPreflight = anonymous.send(anonymous.builder("/mcp/bundle/maths").header("Origin", "http://127.0.0.1:3000")
        .header("Access-Control-Request-Method", "DELETE").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(mcpPreflight.raw().headers().firstValue("Access-Control-Allow-Methods")).contains("GET, POST, DELETE, OPTIONS");
    Api.Answer foreign = anonymous.send(anonymous.builder("/mcp/bundle/maths").header("Origin", "https://evil.example.com")
        .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    McpClient c = client();
    Api.Answer init = c.api.send(c.builder().header("Origin", "http://localhost:6274").POST(HttpRequest.BodyPublishers
        .ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"web\",\"version\":\"1\"}}}")));
    assertThat(init.status()).isEqualTo(200);
    assertThat(init.raw().headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:6274");
    assertThat(init.raw().headers().firstValue("Access-Control-Expose-Headers").orElse(""))
        .contains("Mcp-Session-Id", "WWW-Authenticate");
    McpClient stranger = new McpClient(server, null, "/mcp/bundle/maths");
    Api.Answer unauthorized = stranger.api.send(stranger.builder().header("Origin", "http://localhost:6274")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));
    assertThat(unauthorized.status()).isEqualTo(401);
    assertThat(unauthorized.raw().headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:6274");
  }

  @Test
  void dynamicBundlesShowMetaToolsThatSearchDescribeAndCall() {
    McpClient c = new McpClient(server, token, "/mcp/bundle/maths-dynamic");
    c.initialize();
    JsonNode tools = c.request("tools/list", Map.of()).json().path("result").path("tools");
    assertThat(names(tools)).containsExactly("search_tools", "describe_tool", "call_tool");
    JsonNode found = c.request("tools/call", Map.of("name", "search_tools", "arguments", Map.of("query", "multiply")))
        .json().path("result").path("structuredContent").path("tools");
    assertThat(found.get(0).path("name").asString()).isEqualTo("calculator_multiply");
    JsonNode described = c.request("tools/call", Map.of("name", "describe_tool",
        "arguments", Map.of("name", "calculator_multiply"))).json().path("result").path("structuredContent");
    assertThat(described.path("inputSchema").path("required").toString()).contains("a");
    JsonNode called = c.request("tools/call", Map.of("name", "call_tool", "arguments",
        Map.of("name", "calculator_multiply", "arguments", Map.of("a", 6, "b", 7)))).json().path("result");
    assertThat(called.path("content").get(0).path("text").asString()).isEqualTo("42");
  }

  @Test
  void theHubListsEnabledBundlesAndCallsThroughTheNamedOne() {
    McpClient c = new McpClient(server, token, "/mcp/hub");
    c.initialize();
    JsonNode tools = c.request("tools/list", Map.of()).json().path("result").path("tools");
    assertThat(names(tools)).contains("list_bundles", "call_tool");
    JsonNode bundles = c.request("tools/call", Map.of("name", "list_bundles", "arguments", Map.of()))
        .json().path("result").path("structuredContent").path("bundles");
    assertThat(names(bundles, "slug")).containsExactly("maths-dynamic");
    JsonNode called = c.request("tools/call", Map.of("name", "call_tool", "arguments",
        Map.of("bundle", "maths-dynamic", "name", "calculator_add", "arguments", Map.of("a", 1, "b", 1))))
        .json().path("result");
    assertThat(called.path("content").get(0).path("text").asString()).isEqualTo("2");
  }

  @Test
  void statelessRevisionDiscoversAndChecksItsHeaders() {
    McpClient c = client();
    c.version = "2026-07-28";
    Map<String, Object> meta = Map.of("io.modelcontextprotocol/protocolVersion", "2026-07-28",
        "io.modelcontextprotocol/clientCapabilities", Map.of());
    Api.Answer discover = c.api.send(c.builder().header("Mcp-Method", "server/discover")
        .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(Map.of("jsonrpc", "2.0",
            "id", 1, "method", "server/discover", "params", Map.of("_meta", meta))))));
    assertThat(discover.status()).as(discover.body()).isEqualTo(200);
    assertThat(discover.json().path("result").path("supportedVersions").toString()).contains("2026-07-28");
    assertThat(discover.raw().headers().firstValue("Mcp-Session-Id")).isEmpty();
    String listBody = Api.JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/list",
        "params", Map.of("_meta", meta)));
    Api.Answer list = c.api.send(c.builder().header("Mcp-Method", "tools/list")
        .POST(HttpRequest.BodyPublishers.ofString(listBody)));
    assertThat(list.json().path("result").path("cacheScope").asString()).isEqualTo("private");
    assertThat(list.json().path("result").path("tools").size()).isEqualTo(2);
    Api.Answer mismatch = c.api.send(c.builder().header("Mcp-Method", "tools/call")
        .POST(HttpRequest.BodyPublishers.ofString(listBody)));
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.json().path("error").path("code").asInt()).isEqualTo(-32020);
    String callBody = Api.JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 3, "method", "tools/call",
        "params", Map.of("_meta", meta, "name", "calculator_add", "arguments", Map.of("a", 1, "b", 2))));
    Api.Answer call = c.api.send(c.builder().header("Mcp-Method", "tools/call").header("Mcp-Name", "calculator_add")
        .POST(HttpRequest.BodyPublishers.ofString(callBody)));
    assertThat(call.json().path("result").path("content").get(0).path("text").asString()).isEqualTo("3");
    Api.Answer get = c.api.send(c.builder().GET());
    assertThat(get.status()).isEqualTo(405);
  }
}
