package dev.switchboard.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A published bundle runs with each user's own credential (asserted at the upstream), and a user's
 * tool list follows their credentials: verifying one sends {@code list_changed} on the open stream.
 */
class McpSharingIT {
  @TempDir
  static Path dir;
  static LocalHttpServer upstream;
  static TestServer server;

  @BeforeAll
  static void start() {
    HttpHandler ok = LocalHttpServer.answer(200, "{\"login\":\"someone\"}", "Content-Type", "application/json");
    upstream = LocalHttpServer.start().on("/", ok);
    server = TestServer.start(dir, Map.of("SWITCHBOARD_PROVIDER_GITHUB_BASE_URL", upstream.url("")));
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
  }

  static String credential(Api api, String token, boolean verify) {
    Api.Answer a = api.post("/api/v1/credentials" + (verify ? "?verify=true" : ""),
        Map.of("provider", "github", "authMethod", "BEARER", "fields", Map.of("token", token)));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    return a.json().path("id").asString();
  }

  @Test
  void twoUsersOfOnePublishedBundleEachUseTheirOwnCredential() {
    String aliceToken = Cli.userWithToken(server.env(), "alice@example.com");
    String bobToken = Cli.userWithToken(server.env(), "bob@example.com");
    Api alice = new Api(server, aliceToken);
    Api bob = new Api(server, bobToken);
    credential(alice, "ghp_alice_000000000000", true);
    credential(bob, "ghp_bob_1111111111111", true);
    assertThat(alice.post("/api/v1/bundles", Map.of("slug", "shared", "name", "Shared",
        "tools", List.of("github_get_authenticated_user"))).status()).isEqualTo(201);
    assertThat(bob.post("/api/v1/bundles/shared/enable", Map.of()).status()).isEqualTo(404);
    alice.post("/api/v1/bundles/shared/publish", Map.of());
    assertThat(bob.post("/api/v1/bundles/shared/enable", Map.of()).status()).isEqualTo(200);
    assertThat(bob.patch("/api/v1/bundles/shared", Map.of("name", "Mine")).status()).isEqualTo(403);

    int before = upstream.requests().size();
    assertThat(new McpCall(server, aliceToken, "/mcp/bundle/shared")
        .call("github_get_authenticated_user", Map.of()).path("isError").asBoolean()).isFalse();
    assertThat(new McpCall(server, bobToken, "/mcp/bundle/shared")
        .call("github_get_authenticated_user", Map.of()).path("isError").asBoolean()).isFalse();
    List<LocalHttpServer.Recorded> calls = upstream.requests().subList(before, upstream.requests().size());
    assertThat(calls).extracting(r -> r.header("authorization"))
        .containsExactly("Bearer ghp_alice_000000000000", "Bearer ghp_bob_1111111111111");
    assertThat(bob.get("/api/v1/executions?bundle=shared").json().path("items").size()).isEqualTo(1);
  }

  @Test
  void verifyingACredentialSendsListChangedAndTheToolsAppear() throws Exception {
    String token = Cli.userWithToken(server.env(), "carol@example.com");
    Api carol = new Api(server, token);
    String id = credential(carol, "ghp_carol_22222222222", false);
    carol.post("/api/v1/bundles", Map.of("slug", "carols", "name", "Carol's",
        "tools", List.of("github_get_authenticated_user")));
    McpClient client = new McpClient(server, token, "/mcp/bundle/carols");
    client.initialize();
    assertThat(client.request("tools/list", Map.of()).json().path("result").path("tools").size()).isZero();
    Api.Answer readiness = carol.get("/api/v1/bundles/carols/readiness");
    assertThat(readiness.json().path("status").asString()).isEqualTo("BLOCKED");
    assertThat(readiness.json().path("tools").get(0).path("reason").asString()).isEqualTo("UNVERIFIED");

    HttpClient http = HttpClient.newHttpClient();
    HttpRequest get = client.api.builder("/mcp/bundle/carols").header("Accept", "text/event-stream")
        .header("Mcp-Session-Id", client.session).header("MCP-Protocol-Version", "2025-11-25").GET().build();
    HttpResponse<Stream<String>> stream = http.send(get, HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    CompletableFuture<String> changed = CompletableFuture.supplyAsync(() -> stream.body()
        .filter(line -> line.contains("notifications/tools/list_changed")).findFirst().orElse(""));
    Thread.sleep(200);
    assertThat(carol.post("/api/v1/credentials/" + id + "/verify", Map.of()).json()
        .path("verification").asString()).isEqualTo("VERIFIED");
    assertThat(changed.get(10, TimeUnit.SECONDS)).contains("list_changed");
    assertThat(client.request("tools/list", Map.of()).json().path("result").path("tools").size()).isEqualTo(1);
    assertThat(carol.get("/api/v1/bundles/carols/readiness").json().path("status").asString()).isEqualTo("OPERATIONAL");
    stream.body().close();
  }

  @Test
  void aBundleLeavingOperationalRaisesANotification() {
    String token = Cli.userWithToken(server.env(), "dave@example.com");
    Api dave = new Api(server, token);
    String id = credential(dave, "ghp_dave_3333333333333", true);
    dave.post("/api/v1/bundles", Map.of("slug", "daves", "name", "Dave's",
        "tools", List.of("github_get_authenticated_user")));
    dave.post("/api/v1/bundles/daves/enable", Map.of());
    dave.post("/api/v1/credentials/" + id + "/disable", Map.of());
    Map<String, String> fixes = new HashMap<>();
    dave.get("/api/v1/notifications").json().path("items")
        .forEach(n -> fixes.put(n.path("kind").asString(), n.path("fix").asString()));
    // the bundle, and (docs/credentials.md) that GitHub has no usable credential left
    assertThat(fixes.keySet()).containsExactlyInAnyOrder("BUNDLE_NEEDS_ATTENTION", "NO_USABLE_CREDENTIAL");
    assertThat(fixes.get("BUNDLE_NEEDS_ATTENTION")).contains("Connect GitHub");
  }

}
