package dev.switchboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.AcmeApi;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An administrator deletes an imported provider: every user's credentials of it are revoked at the
 * provider and erased, its tools leave every bundle, and it is gone (404). Shipped providers are
 * refused; users and anonymous callers cannot delete.
 */
class ProviderDeletionIT {
  @TempDir
  static Path dir;
  static LocalHttpServer as;
  static LocalHttpServer upstream;
  static final List<String> revoked = new CopyOnWriteArrayList<>();
  static TestServer server;
  static Api admin;
  static Api user;

  @BeforeAll
  static void start() {
    upstream = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "{}", "Content-Type", "application/json"));
    as = LocalHttpServer.start()
        .on("/authorize", LocalHttpServer.approvingAuthorization("the-code"))
        .on("/token", LocalHttpServer.answer(200, "{\"access_token\":\"at-1\",\"refresh_token\":\"rt-doomed\","
            + "\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"read\"}",
            "Content-Type", "application/json"))
        .on("/revoke", exchange -> {
          List<LocalHttpServer.Recorded> all = as.requests();
          revoked.add(new String(all.get(all.size() - 1).body(), StandardCharsets.UTF_8));
          LocalHttpServer.answer(200, "").handle(exchange);
        });
    server = TestServer.sqlite(dir);
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    user = new Api(server, Cli.userWithToken(server.env(), "doomed@example.com"));
  }

  @AfterAll
  static void stop() {
    server.close();
    as.close();
    upstream.close();
  }



  static void importOAuthProvider(String slug) {
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", slug, "name", "Doomed",
        "document", AcmeApi.OPENAPI, "baseUrl", upstream.url(""), "validationTool", "get_me",
        "authMethods", List.of(Map.of("type", "OAUTH2", "authorizeUrl", as.url("/authorize"),
            "tokenUrl", as.url("/token"), "revokeUrl", as.url("/revoke"), "defaultScopes", List.of("read")))));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    admin.post("/api/v1/admin/oauth-apps/" + slug, Map.of("clientId", "sb", "clientSecret", "shh-secret"));
  }

  static void connect(String slug) throws Exception {
    String url = user.post("/api/v1/oauth/" + slug + "/start", Map.of()).json().path("authorizationUrl").asString();
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String callback = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location").orElseThrow();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(callback)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
  }

  static List<String> bundleTools(String slug) {
    List<String> tools = new ArrayList<>();
    user.get("/api/v1/bundles/" + slug).json().path("tools").forEach(t ->
        tools.add(t.isString() ? t.asString() : t.path("name").asString()));
    return tools;
  }

  @Test
  void deletingAnImportedProviderRevokesAndErasesCredentialsAndEmptiesBundles() throws Exception {
    importOAuthProvider("doomed");
    connect("doomed");
    assertThat(user.get("/api/v1/credentials?provider=doomed").json().path("items").size()).isEqualTo(1);
    Api.Answer bundle = user.post("/api/v1/bundles", Map.of("slug", "mixed", "name", "Mixed",
        "tools", List.of("doomed_get_me", "calculator_add")));
    assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
    assertThat(bundleTools("mixed")).contains("doomed_get_me", "calculator_add");

    Api.Answer deleted = admin.delete("/api/v1/admin/providers/doomed");

    assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    assertThat(revoked).anyMatch(body -> body.contains("token=rt-doomed"));
    assertThat(user.get("/api/v1/credentials?provider=doomed").json().path("items").size()).isZero();
    assertThat(bundleTools("mixed")).containsExactly("calculator_add");
    assertThat(user.get("/api/v1/providers/doomed").status()).isEqualTo(404);
    assertThat(user.get("/api/v1/tools?provider=doomed").json().path("items").size()).isZero();
    assertThat(admin.delete("/api/v1/admin/providers/doomed").status()).isEqualTo(404);
    importOAuthProvider("doomed");
    assertThat(user.get("/api/v1/credentials?provider=doomed").json().path("items").size()).isZero();
  }

  @Test
  void shippedProvidersUsersAndAnonymousCallersCannotDelete() {
    importOAuthProvider("kept");
    Api.Answer shipped = admin.delete("/api/v1/admin/providers/github");
    assertThat(shipped.status()).isEqualTo(409);
    assertThat(shipped.errorCode()).isEqualTo("provider_shipped");
    assertThat(user.delete("/api/v1/admin/providers/kept").status()).isEqualTo(403);
    assertThat(new Api(server, null).delete("/api/v1/admin/providers/kept").status()).isEqualTo(401);
    Api.Answer missing = admin.delete("/api/v1/admin/providers/no-such-provider");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(user.get("/api/v1/providers/kept").status()).isEqualTo(200);
    assertThat(user.get("/api/v1/providers/github").status()).isEqualTo(200);
  }

  @Test
  void theCommandLineDeletesAndTheRunningServerDropsTheProvider() throws Exception {
    importOAuthProvider("cli-doomed");
    Cli.Result result = Cli.run(server.env(), "provider", "delete", "cli-doomed");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("deleted provider cli-doomed");
    Instant until = Instant.now().plus(Duration.ofSeconds(10));
    int status = 200;
    while (status != 404 && Instant.now().isBefore(until)) {
      status = user.get("/api/v1/providers/cli-doomed").status();
      Thread.sleep(200);
    }
    assertThat(status).isEqualTo(404);
    assertThat(user.get("/api/v1/tools?provider=cli-doomed").json().path("items").size()).isZero();
    assertThat(Cli.run(server.env(), "provider", "delete", "github").exitCode()).isNotZero();
  }
}
