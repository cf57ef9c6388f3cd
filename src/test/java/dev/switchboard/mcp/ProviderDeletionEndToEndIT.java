package dev.switchboard.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.AcmeApi;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Deleting an imported provider end to end, with a real OAuth server (mock-oauth2-server, its
 * revocation endpoint found by discovery): the user's credential is revoked there and erased, the
 * bundle loses the tool, an MCP client with an open stream is sent {@code list_changed}, and the
 * executions made with it stay in the history with neither token in them. Through the REST API, the
 * CLI and the dashboard (in Chromium).
 */
class ProviderDeletionEndToEndIT {
  @TempDir
  static Path dir;
  static MockOAuth2Server authServer;
  static LocalHttpServer upstream;
  static TestServer server;
  static Api admin;
  static Api user;
  static String userToken;
  static final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    authServer = new MockOAuth2Server();
    authServer.start(InetAddress.getByName("127.0.0.1"), 0);
    upstream = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "{\"ok\":true}",
        "Content-Type", "application/json"));
    server = TestServer.sqlite(dir);
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    userToken = Cli.userWithToken(server.env(), "leaving@example.com");
    user = new Api(server, userToken);
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
    authServer.shutdown();
  }

  @Test
  void throughTheRestApi() throws Exception {
    deletingRevokesErasesTellsClientsAndKeepsHistory("gone-rest",
        () -> assertThat(admin.delete("/api/v1/admin/providers/gone-rest").status()).isEqualTo(204));
  }

  @Test
  void throughTheDashboard() throws Exception {
    try (Browser chromium = Browser.start(server)) {
      chromium.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
      deletingRevokesErasesTellsClientsAndKeepsHistory("gone-page", () -> {
        chromium.open("/admin");
        chromium.submit(By.id("delete-gone-page"));
        chromium.submit(By.id("confirm-delete"));
        assertThat(chromium.text(By.id("flash"))).contains("Deleted Leaving");
      });
    }
  }

  @Test
  void throughTheCommandLine() throws Exception {
    deletingRevokesErasesTellsClientsAndKeepsHistory("gone-cli", () -> {
      Cli.Result result = Cli.run(server.env(), "provider", "delete", "gone-cli");
      assertThat(result.exitCode()).as(result.err()).isZero();
    });
  }

  private void deletingRevokesErasesTellsClientsAndKeepsHistory(String slug, Runnable delete) throws Exception {
    importAndConnect(slug);
    String bundle = slug + "-bundle";
    assertThat(user.post("/api/v1/bundles", Map.of("slug", bundle, "name", "Leaving",
        "tools", List.of(slug + "_get_me", "calculator_add"))).status()).isEqualTo(201);
    int before = upstream.requests().size();
    assertThat(new McpCall(server, userToken, "/mcp/bundle/" + bundle).call(slug + "_get_me", Map.of())
        .path("isError").asBoolean()).isFalse();
    String accessToken = upstream.requests().get(before).header("authorization").substring("Bearer ".length());
    assertThat(user.get("/api/v1/executions?bundle=" + bundle).json().path("items").size()).isEqualTo(1);

    McpClient client = new McpClient(server, userToken, "/mcp/bundle/" + bundle);
    client.initialize();
    HttpRequest get = client.api.builder("/mcp/bundle/" + bundle).header("Accept", "text/event-stream")
        .header("Mcp-Session-Id", client.session).header("MCP-Protocol-Version", "2025-11-25").GET().build();
    HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);
    CompletableFuture<String> changed = CompletableFuture.supplyAsync(() -> stream.body()
        .filter(line -> line.contains("notifications/tools/list_changed")).findFirst().orElse(""));
    drain();

    delete.run();

    List<RecordedRequest> seen = drain();
    List<String> revocations = seen.stream().filter(r -> r.getPath() != null && r.getPath().contains("/revoke"))
        .map(r -> r.getBody().readUtf8()).toList();
    assertThat(revocations).as("requests to the authorization server: %s",
        seen.stream().map(RecordedRequest::getPath).toList()).isNotEmpty();
    assertThat(revocations).anyMatch(body -> body.contains("token="));
    assertThat(changed.get(10, TimeUnit.SECONDS)).contains("list_changed");
    assertThat(user.get("/api/v1/credentials?provider=" + slug).json().path("items").size()).isZero();
    assertThat(bundleTools(bundle)).containsExactly("calculator_add");
    assertThat(new McpCall(server, userToken, "/mcp/bundle/" + bundle).toolNames()).doesNotContain(slug + "_get_me");
    Api.Answer history = user.get("/api/v1/executions?bundle=" + bundle);
    assertThat(history.json().path("items").size()).isEqualTo(1);
    assertThat(history.body()).contains(slug + "_get_me").doesNotContain(accessToken);
    for (String revoked : revocations) {
      String token = revoked.replaceAll(".*token=([^&]*).*", "$1");
      assertThat(history.body()).doesNotContain(token);
    }
  }

  private static void importAndConnect(String slug) throws Exception {
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", slug, "name", "Leaving",
        "document", AcmeApi.OPENAPI, "baseUrl", upstream.url(""), "validationTool", "get_me",
        "authMethods", List.of(Map.of("type", "OAUTH2", "issuer", authServer.issuerUrl(slug).toString(),
            "defaultScopes", List.of("openid", "read"), "pkce", true,
            "clientAuthentication", "CLIENT_SECRET_BASIC"))));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    admin.post("/api/v1/admin/oauth-apps/" + slug, Map.of("clientId", "switchboard",
        "clientSecret", "client-secret-value"));
    String url = user.post("/api/v1/oauth/" + slug + "/start", Map.of()).json().path("authorizationUrl").asString();
    HttpResponse<String> toProvider = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    String callback = toProvider.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> done = browser.send(HttpRequest.newBuilder(URI.create(callback)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(done.body()).contains("connected and verified");
  }

  private static List<String> bundleTools(String slug) {
    List<String> tools = new ArrayList<>();
    user.get("/api/v1/bundles/" + slug).json().path("tools").forEach(t ->
        tools.add(t.isString() ? t.asString() : t.path("name").asString()));
    return tools;
  }

  /** Every request the authorization server received since the last drain. */
  private static List<RecordedRequest> drain() throws InterruptedException {
    List<RecordedRequest> seen = new ArrayList<>();
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(until)) {
      try {
        RecordedRequest r = authServer.takeRequest(300, TimeUnit.MILLISECONDS);
        if (r == null) {
          return seen;
        }
        seen.add(r);
      } catch (RuntimeException noMore) {
        return seen;
      }
    }
    return seen;
  }
}
