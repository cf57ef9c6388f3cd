package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Imported descriptions shaped like Stripe's (deepObject query parameters, form bodies with an
 * encoding per field, and every other style) and Slack's (Swagger 2.0 formData while consumes lists
 * JSON) are called through a bundle; the request line, headers and body are checked as the local
 * upstream received them, unnormalized.
 */
class SerializationOnTheWireIT {
  @TempDir
  static Path dir;
  static LocalHttpServer upstream;
  static TestServer server;
  static McpCall mcp;

  @BeforeAll
  static void start() throws IOException {
    upstream = LocalHttpServer.start()
        .on("/", LocalHttpServer.answer(200, "{\"ok\":true}", "Content-Type", "application/json"));
    server = TestServer.sqlite(dir);
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    imported(admin, "stripeish", "stripe-shaped-30.yaml", "get_customers");
    imported(admin, "slackish", "slack-shaped-20.yaml", "conversations_list");
    Api user = new Api(server, Cli.userWithToken(server.env(), "wire@example.com"));
    for (String provider : List.of("stripeish", "slackish")) {
      Api.Answer created = user.post("/api/v1/credentials?verify=true", Map.of("provider", provider,
          "authMethod", "BEARER", "fields", Map.of("token", "tok_wire_0123456789")));
      assertThat(created.json().path("verification").asString()).as(created.body()).isEqualTo("VERIFIED");
    }
    Api.Answer bundle = user.post("/api/v1/bundles", Map.of("slug", "wire", "name", "Wire", "tools", List.of(
        "stripeish_get_customers", "stripeish_post_customers", "stripeish_get_customers_customer", "stripeish_get_styles",
        "slackish_chat_post_message", "slackish_reactions_add", "slackish_conversations_list", "slackish_views_publish")));
    assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
    mcp = new McpCall(server, Cli.token(server.env(), "wire@example.com"), "/mcp/bundle/wire");
  }

  private static void imported(Api admin, String slug, String resource, String validationTool) throws IOException {
    String document;
    try (InputStream in = SerializationOnTheWireIT.class.getResourceAsStream("/openapi/" + resource)) {
      document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Api.Answer answer = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", slug, "name", slug,
        "document", document, "baseUrl", upstream.url("/" + slug), "validationTool", validationTool,
        "authMethods", List.of(Map.of("type", "BEARER"))));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
  }

  @Test
  void deepObjectQueryParametersAreSentInBrackets() {
    LocalHttpServer.Recorded request = called("stripeish_get_customers", Map.of(
        "created", ordered("gte", 1700000000, "lt", 1800000000), "expand", List.of("data.tax", "data.sources"),
        "limit", 3));

    assertThat(request.pathAndQuery()).isEqualTo("/stripeish/v1/customers?created%5Bgte%5D=1700000000"
        + "&created%5Blt%5D=1800000000&expand%5B%5D=data.tax&expand%5B%5D=data.sources&limit=3");
  }

  @Test
  void stripeFormBodyNestsObjectsAndArraysInsteadOfJsonText() {
    LocalHttpServer.Recorded request = called("stripeish_post_customers", Map.of("body", Map.of(
        "email", "a+b@example.com", "metadata", Map.of("crm_id", "42"), "expand", List.of("tax"),
        "address", Map.of("line1", "1 Main St", "city", "Paris"), "preferred_locales", List.of("fr", "en"))));

    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(fields(request)).containsExactlyInAnyOrder("email=a%2Bb%40example.com", "metadata[crm_id]=42",
        "expand[]=tax", "address[line1]=1%20Main%20St", "address[city]=Paris", "preferred_locales[]=fr",
        "preferred_locales[]=en");
    assertThat(new String(request.body(), StandardCharsets.UTF_8)).contains("preferred_locales[]=fr&preferred_locales[]=en");
  }

  @Test
  void everyOtherStyleIsWrittenAsTheDescriptionSays() {
    LocalHttpServer.Recorded request = called("stripeish_get_styles", Map.of(
        "label", List.of("a", "b/c"), "matrix", ordered("x", 1, "y", 2), "ids", List.of(1, 2, 3),
        "words", List.of("big", "red"), "ranks", List.of(4, 5), "point", ordered("x", 7, "y", 8),
        "X-Tags", List.of("t1", "t2"), "X-Origin", Map.of("x", 9)));

    assertThat(request.pathAndQuery()).isEqualTo("/stripeish/v1/styles/.a.b%2Fc/;matrix=x,1,y,2"
        + "?ids=1%2C2%2C3&words=big%20red&ranks=4%7C5&x=7&y=8");
    assertThat(request.header("X-Tags")).isEqualTo("t1,t2");
    assertThat(request.header("X-Origin")).isEqualTo("x=9");
  }

  @Test
  void swagger20FormDataIsSentAsAFormEvenWhenConsumesListsJson() {
    LocalHttpServer.Recorded message = called("slackish_chat_post_message", Map.of("body", Map.of(
        "channel", "C123", "text", "hello world", "unfurl_links", false)));
    LocalHttpServer.Recorded reaction = called("slackish_reactions_add", Map.of("body", Map.of(
        "channel", "C123", "name", "thumbsup", "timestamps", List.of("1.1", "2.2"))));

    assertThat(message.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(fields(message)).containsExactlyInAnyOrder("channel=C123", "text=hello%20world", "unfurl_links=false");
    assertThat(reaction.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(fields(reaction)).containsExactlyInAnyOrder("channel=C123", "name=thumbsup", "timestamps=1.1",
        "timestamps=2.2");
    assertThat(new String(reaction.body(), StandardCharsets.UTF_8)).contains("timestamps=1.1&timestamps=2.2");
  }

  @Test
  void swagger20BodyParametersStayJsonAndCsvQueryArraysAreJoined() {
    LocalHttpServer.Recorded view = called("slackish_views_publish", Map.of("body", Map.of(
        "user_id", "U1", "view", Map.of("type", "home"))));
    LocalHttpServer.Recorded list = called("slackish_conversations_list", Map.of(
        "types", List.of("public_channel", "im"), "limit", 10));

    assertThat(view.header("Content-Type")).startsWith("application/json");
    assertThat(new String(view.body(), StandardCharsets.UTF_8)).contains("\"view\":{\"type\":\"home\"}");
    assertThat(list.pathAndQuery()).isEqualTo("/slackish/conversations.list?types=public_channel%2Cim&limit=10");
  }

  /** A map that keeps its keys in the order given (nested arguments are sent in this order). */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** The fields of a form body as sent (order of arguments in a map is not kept). */
  private static List<String> fields(LocalHttpServer.Recorded request) {
    return List.of(new String(request.body(), StandardCharsets.UTF_8).split("&"));
  }

  private static LocalHttpServer.Recorded called(String tool, Map<String, Object> arguments) {
    int before = upstream.requests().size();
    JsonNode result = mcp.call(tool, arguments);
    assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
    List<LocalHttpServer.Recorded> requests = upstream.requests();
    assertThat(requests).hasSize(before + 1);
    return requests.get(requests.size() - 1);
  }
}
