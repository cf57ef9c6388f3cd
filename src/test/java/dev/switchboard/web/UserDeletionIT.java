package dev.switchboard.web;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Deleting a user erases their credentials the way a credential delete does: an OAuth token is
 * revoked at the provider (RFC 7009) first, against a local authorization server.
 */
class UserDeletionIT {
  @TempDir
  static Path dir;
  static LocalHttpServer upstream;
  static LocalHttpServer as;
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start() {
    upstream = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "{}", "Content-Type", "application/json"));
    as = LocalHttpServer.start()
        .on("/authorize", LocalHttpServer.approvingAuthorization("the-code"))
        .on("/token", LocalHttpServer.answer(200, "{\"access_token\":\"at-departing\",\"refresh_token\":"
            + "\"rt-departing\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"read\"}",
            "Content-Type", "application/json"))
        .on("/revoke", LocalHttpServer.answer(200, ""));
    server = TestServer.sqlite(dir);
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    String api = AcmeApi.OPENAPI.replace("https://acme.example", upstream.url(""));
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "rotor", "name", "Rotor",
        "document", api, "baseUrl", upstream.url(""), "validationTool", "get_me",
        "authMethods", List.of(Map.of("type", "OAUTH2", "authorizeUrl", as.url("/authorize"),
            "tokenUrl", as.url("/token"), "revokeUrl", as.url("/revoke"), "defaultScopes", List.of("read"),
            "pkce", true))));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    admin.post("/api/v1/admin/oauth-apps/rotor", Map.of("clientId", "sb", "clientSecret", "shh-secret"));
  }

  @AfterAll
  static void stop() {
    server.close();
    as.close();
    upstream.close();
  }



  @Test
  void deletingAUserRevokesTheirOAuthTokenAtTheProviderThenErasesEverythingTheyOwn() throws Exception {
    String email = "departing@example.com";
    Api user = new Api(server, Cli.userWithToken(server.env(), email));
    String url = user.post("/api/v1/oauth/rotor/start", Map.of()).json().path("authorizationUrl").asString();
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String callback = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location").orElseThrow();
    assertThat(browser.send(HttpRequest.newBuilder(URI.create(callback)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(user.post("/api/v1/credentials", Map.of("provider", "openai", "authMethod", "API_KEY",
        "label", "Work", "fields", Map.of("api_key", "sk-departing-000000000000"))).status()).isEqualTo(201);
    assertThat(user.get("/api/v1/credentials").json().path("items")).hasSize(2);
    String id = null;
    for (JsonNode u : admin.get("/api/v1/admin/users").json().path("items")) {
      if (u.path("email").asString().equals(email)) {
        id = u.path("id").asString();
      }
    }

    assertThat(admin.delete("/api/v1/admin/users/" + id).status()).isEqualTo(204);
    List<String> revocations = as.requests().stream().filter(r -> r.pathAndQuery().startsWith("/revoke"))
        .map(r -> new String(r.body(), StandardCharsets.UTF_8)).toList();
    assertThat(revocations).anyMatch(body -> body.contains("token=rt-departing"));
    assertThat(user.get("/api/v1/credentials").status()).isEqualTo(401);
    assertThat(admin.get("/api/v1/admin/users").body()).doesNotContain(email);
    assertThat(admin.delete("/api/v1/admin/users/" + id).status()).isEqualTo(404);
    assertThat(server.printed()).doesNotContain("rt-departing").doesNotContain("sk-departing");
  }
}
