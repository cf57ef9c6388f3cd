package dev.switchboard.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.AcmeApi;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.ConsentingAuthServer;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Requested scopes and partial grants (issue 13 item 5) against a real authorization server
 * (mock-oauth2-server) whose consent grants fewer scopes when told to: scopes come from every bundle
 * the user owns or enabled, a partial grant is reported with its missing scopes, re-authorizing
 * completes it, and connecting again updates the same profile.
 */
class OAuthScopesIT {
  @TempDir
  static Path dir;
  static ConsentingAuthServer consent;
  static LocalHttpServer upstream;
  static TestServer server;
  static Api admin;
  static final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() {
    consent = new ConsentingAuthServer();
    try {
      consent.server().start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
    upstream = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "{\"ok\":true}",
        "Content-Type", "application/json"));
    server = TestServer.sqlite(dir);
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "acme", "name", "Acme",
        "document", AcmeApi.OPENAPI, "baseUrl", upstream.url(""), "validationTool", "get_me",
        "authMethods", List.of(Map.of("type", "OAUTH2", "issuer", consent.server().issuerUrl("acme").toString(),
            "defaultScopes", List.of("openid", "read"), "pkce", true))));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    admin.post("/api/v1/admin/oauth-apps/acme", Map.of("clientId", "switchboard", "clientSecret", "scopes-secret"));
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
    consent.server().shutdown();
  }

  static Api user(String email) {
    return new Api(server, Cli.userWithToken(server.env(), email));
  }

  static String scopesOf(String authorizationUrl) {
    for (String pair : URI.create(authorizationUrl).getRawQuery().split("&")) {
      if (pair.startsWith("scope=")) {
        return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no scope in " + authorizationUrl);
  }

  /** Follows the authorization URL like a browser; answers the callback page. */
  static HttpResponse<String> authorize(String authorizationUrl) throws Exception {
    HttpResponse<String> toProvider = browser.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).build(),
        HttpResponse.BodyHandlers.ofString());
    String callback = toProvider.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
        toProvider.statusCode() + " " + toProvider.body()));
    return browser.send(HttpRequest.newBuilder(URI.create(callback)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String start(Api api, Map<String, Object> body) {
    Api.Answer a = api.post("/api/v1/oauth/acme/start", body);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json().path("authorizationUrl").asString();
  }

  static JsonNode profile(Api api, String id) {
    Api.Answer a = api.get("/api/v1/connections/" + id);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  @Test
  void scopesComeFromOwnedBundlesTooNotOnlyEnabledOnes() {
    Api owner = user("owner@example.com");
    assertThat(scopesOf(start(owner, Map.of()))).isEqualTo("openid read");
    // the owner's own bundle, used over MCP and never enabled, needs write
    Api.Answer created = owner.post("/api/v1/bundles", Map.of("slug", "acme-owned", "name", "Acme owned",
        "tools", List.of("acme_get_me", "acme_create_thing")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(scopesOf(start(owner, Map.of()))).isEqualTo("openid read write");
    // archived, it needs nothing any more
    assertThat(owner.post("/api/v1/bundles/acme-owned/archive", Map.of()).status()).isEqualTo(200);
    assertThat(scopesOf(start(owner, Map.of()))).isEqualTo("openid read");
  }

  @Test
  void aPartialGrantIsReportedWithItsMissingScopesUntilReauthorizingCompletesIt() throws Exception {
    Api api = user("partial@example.com");
    api.post("/api/v1/bundles", Map.of("slug", "acme-writes", "name", "Acme writes",
        "tools", List.of("acme_get_me", "acme_create_thing")));
    String url = start(api, Map.of());
    assertThat(scopesOf(url)).isEqualTo("openid read write");

    consent.grantOnly("openid read");
    HttpResponse<String> page;
    try {
      page = authorize(url);
    } finally {
      consent.grantOnly(null);
    }
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("partial").contains("did not grant write").doesNotContain("connected and verified");

    JsonNode items = api.get("/api/v1/connections").json().path("items");
    assertThat(items.size()).isEqualTo(1);
    JsonNode p = items.get(0);
    assertThat(p.path("status").asString()).isEqualTo("ACTIVE");
    assertThat(p.path("partialGrant").asBoolean()).isTrue();
    assertThat(p.path("missingScopes").toString()).isEqualTo("[\"write\"]");
    String id = p.path("id").asString();
    assertThat(api.get("/api/v1/credentials/" + id).json().path("grantedScopes").toString())
        .contains("read").doesNotContain("write");
    JsonNode readiness = api.get("/api/v1/bundles/acme-writes/readiness").json();
    assertThat(readiness.path("status").asString()).isEqualTo("PARTIAL");

    String again = start(api, Map.of("credential", id));
    assertThat(scopesOf(again)).isEqualTo("openid read write");
    HttpResponse<String> complete = authorize(again);
    assertThat(complete.body()).contains("connected and verified");
    JsonNode after = profile(api, id);
    assertThat(after.path("partialGrant").asBoolean()).isFalse();
    assertThat(after.path("missingScopes").size()).isZero();
    assertThat(api.get("/api/v1/bundles/acme-writes/readiness").json().path("status").asString())
        .isEqualTo("OPERATIONAL");
  }

  @Test
  void connectingAgainUpdatesTheSameProfile() throws Exception {
    Api api = user("again@example.com");
    // the same person at the provider both times (mock-oauth2-server makes up a subject per token)
    consent.enqueueCallback(new DefaultOAuth2TokenCallback("acme", "same-person@acme.test"));
    assertThat(authorize(start(api, Map.of())).statusCode()).isEqualTo(200);
    JsonNode first = api.get("/api/v1/connections").json().path("items");
    assertThat(first.size()).isEqualTo(1);
    consent.enqueueCallback(new DefaultOAuth2TokenCallback("acme", "same-person@acme.test"));
    assertThat(authorize(start(api, Map.of())).statusCode()).isEqualTo(200);
    JsonNode second = api.get("/api/v1/connections").json().path("items");
    assertThat(second.size()).as("no second profile with the same name").isEqualTo(1);
    assertThat(second.get(0).path("id").asString()).isEqualTo(first.get(0).path("id").asString());
    assertThat(second.get(0).path("name").asString()).isEqualTo(first.get(0).path("name").asString());
    assertThat(second.get(0).path("status").asString()).isEqualTo("ACTIVE");
    assertThat(second.get(0).path("account").asString()).isEqualTo("same-person@acme.test");
  }
}
