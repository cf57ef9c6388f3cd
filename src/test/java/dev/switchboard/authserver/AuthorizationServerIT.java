package dev.switchboard.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.AdjustableClock;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * On SQLite ({@link AuthorizationServerPostgresIT} runs the same on PostgreSQL): Switchboard as the
 * authorization server of its MCP endpoints, taken apart over HTTP: what must be
 * refused (wrong verifier, replayed code, other redirect URI, replayed refresh token, revoked grant,
 * expired token, a token of bundle A on bundle B, Deny) and the discovery documents clients check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationServerIT {
  private static final String EMAIL = "owner@example.com";
  private static final String PASSWORD = "password-of-" + EMAIL;
  private final AdjustableClock clock = new AdjustableClock();
  private TestServer server;
  private String pat;
  private OAuthDance dance;
  private String cookie;
  private String client;

  /** Settings added to the server's (the database). */
  Map<String, String> database() {
    return Map.of();
  }

  @BeforeAll
  void start() throws IOException {
    server = TestServer.withClock(Files.createTempDirectory("switchboard-authserver"), database(), clock);
    pat = Cli.userWithToken(server.env(), EMAIL);
    Api api = new Api(server, pat);
    Api.Answer credential = api.post("/api/v1/credentials?verify=true",
        Map.of("provider", "calculator", "authMethod", "NONE", "label", "Calculator", "fields", Map.of()));
    assertThat(credential.status()).as(credential.body()).isEqualTo(201);
    for (String slug : List.of("alpha", "beta", "gone")) {
      Api.Answer bundle = api.post("/api/v1/bundles", Map.of("slug", slug, "name", "Bundle " + slug,
          "tools", List.of("calculator_add")));
      assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
    }
    dance = new OAuthDance(server);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @BeforeEach
  void signInAndRegister() {
    cookie = dance.signIn(EMAIL, PASSWORD);
    client = dance.register(OAuthDance.REDIRECT);
  }

  private String resource(String slug) {
    return server.url("/mcp/bundle/" + slug);
  }

  @Test
  void aTokenWorksOnItsBundleOnlyAndNeverOnTheRestApi() {
    JsonNode tokens = dance.tokens(cookie, client, resource("alpha"));

    assertThat(tokens.path("token_type").asString()).isEqualTo("Bearer");
    assertThat(tokens.path("expires_in").asLong()).isEqualTo(3600);
    String access = tokens.path("access_token").asString();
    assertThat(dance.mcp("/mcp/bundle/alpha", access).status()).isEqualTo(200);
    Api.Answer onB = dance.mcp("/mcp/bundle/beta", access);
    assertThat(onB.status()).isEqualTo(401);
    assertThat(onB.raw().headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"").contains("another MCP endpoint")
        .contains("resource_metadata=\"" + server.url("/.well-known/oauth-protected-resource/mcp/bundle/beta") + "\"");
    assertThat(dance.mcp("/mcp/hub", access).status()).isEqualTo(401);
    assertThat(new Api(server, access).get("/api/v1/bundles").status()).isEqualTo(401);
  }

  @Test
  void aHubTokenWorksOnTheHubOnly() {
    String access = dance.tokens(cookie, client, server.url("/mcp/hub")).path("access_token").asString();

    assertThat(dance.mcp("/mcp/hub", access).status()).isEqualTo(200);
    assertThat(dance.mcp("/mcp/bundle/alpha", access).status()).isEqualTo(401);
  }

  @Test
  void aWrongPkceVerifierIsRefused() {
    String code = dance.code(cookie, client, resource("alpha"));

    Api.Answer answer = dance.exchange(client, code, OAuthDance.VERIFIER.replace('0', '1'));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").asString()).isEqualTo("invalid_grant");
    assertThat(answer.json().path("error_description").asString()).contains("code_verifier");
  }

  @Test
  void aCodeUsedTwiceIsRefusedAndRevokesWhatItGave() {
    String code = dance.code(cookie, client, resource("alpha"));
    Api.Answer first = dance.exchange(client, code, OAuthDance.VERIFIER);
    assertThat(first.status()).isEqualTo(200);

    Api.Answer second = dance.exchange(client, code, OAuthDance.VERIFIER);

    assertThat(second.status()).isEqualTo(400);
    assertThat(second.json().path("error").asString()).isEqualTo("invalid_grant");
    assertThat(dance.mcp("/mcp/bundle/alpha", first.json().path("access_token").asString()).status()).isEqualTo(401);
  }

  @Test
  void anUnregisteredRedirectUriIsShownAsAnErrorAndNeverRedirected() {
    Api.Answer page = dance.get(dance.authorizePath(client, resource("alpha"),
        Map.of("redirect_uri", "https://evil.example/callback")), cookie);

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.raw().headers().firstValue("Location")).isEmpty();
    assertThat(page.body()).contains("not one the client registered");
  }

  @Test
  void theTokenRequestMustRepeatTheRedirectUriOfTheAuthorization() {
    String code = dance.code(cookie, client, resource("alpha"));

    Api.Answer answer = dance.token(Map.of("grant_type", "authorization_code", "client_id", client, "code", code,
        "redirect_uri", "http://127.0.0.1:45678/other", "code_verifier", OAuthDance.VERIFIER));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("error").asString()).isEqualTo("invalid_grant");
  }

  @Test
  void aLoopbackRedirectMayUseAnyPort() {
    Api.Answer page = dance.get(dance.authorizePath(client, resource("alpha"),
        Map.of("redirect_uri", "http://127.0.0.1:1/callback")), cookie);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Dance client");
  }

  @Test
  void withoutPkceTheClientGetsAnErrorOnItsRedirect() {
    Api.Answer answer = dance.get(dance.authorizePath(client, resource("alpha"),
        Map.of("code_challenge_method", "plain")), cookie);

    assertThat(answer.status()).isEqualTo(303);
    Map<String, String> back = OAuthDance.query(URI.create(
        answer.raw().headers().firstValue("Location").orElseThrow()).getRawQuery());
    assertThat(back).containsEntry("error", "invalid_request").containsEntry("state", "state-42");
  }

  @Test
  void aRefreshTokenIsRotatedAndItsReuseRevokesTheWholeGrant() {
    JsonNode first = dance.tokens(cookie, client, resource("alpha"));
    Api.Answer rotated = dance.refresh(client, first.path("refresh_token").asString());
    assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
    String newAccess = rotated.json().path("access_token").asString();
    assertThat(dance.mcp("/mcp/bundle/alpha", newAccess).status()).isEqualTo(200);
    Api.Answer racing = dance.refresh(client, first.path("refresh_token").asString());
    assertThat(racing.status()).as("within the concurrent-refresh grace").isEqualTo(400);
    assertThat(dance.mcp("/mcp/bundle/alpha", newAccess).status()).as("grant kept").isEqualTo(200);
    clock.skip(Duration.ofSeconds(3));

    Api.Answer replay = dance.refresh(client, first.path("refresh_token").asString());

    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.json().path("error").asString()).isEqualTo("invalid_grant");
    assertThat(dance.mcp("/mcp/bundle/alpha", newAccess).status()).isEqualTo(401);
    assertThat(dance.refresh(client, rotated.json().path("refresh_token").asString()).status()).isEqualTo(400);
  }

  @Test
  void aRevokedTokenKillsItsGrant() {
    JsonNode tokens = dance.tokens(cookie, client, resource("alpha"));

    Api.Answer revoked = dance.postForm("/oauth/revoke", Map.of("token", tokens.path("refresh_token").asString()), null);

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(dance.mcp("/mcp/bundle/alpha", tokens.path("access_token").asString()).status()).isEqualTo(401);
    assertThat(dance.postForm("/oauth/revoke", Map.of("token", "sb_oat_unknown"), null).status()).isEqualTo(200);
  }

  @Test
  void disconnectingAnAppOnTheConnectedAppsPageStopsItsTokensAtOnce() {
    String access = dance.tokens(cookie, client, resource("alpha")).path("access_token").asString();
    Api.Answer page = dance.get("/connected-apps", cookie);
    assertThat(page.status()).isEqualTo(200);
    List<String> grants = new ArrayList<>();
    Matcher m = Pattern.compile("action=\"/connected-apps/([^/\"]+)/revoke\"").matcher(page.body());
    while (m.find()) {
      grants.add(m.group(1));
    }
    assertThat(grants).isNotEmpty();
    String csrf = OAuthDance.consentFields(page).get("_csrf");

    String otherCookie = otherUserCookie();
    String otherCsrf = OAuthDance.consentFields(dance.get("/connected-apps", otherCookie)).get("_csrf");
    assertThat(dance.postForm("/connected-apps/" + grants.get(0) + "/revoke", Map.of("_csrf", otherCsrf),
        otherCookie).status()).isEqualTo(404);
    assertThat(dance.mcp("/mcp/bundle/alpha", access).status()).isEqualTo(200);

    for (String grant : grants) {
      Api.Answer revoked = dance.postForm("/connected-apps/" + grant + "/revoke", Map.of("_csrf", csrf), cookie);
      assertThat(revoked.status()).isEqualTo(303);
    }

    assertThat(dance.mcp("/mcp/bundle/alpha", access).status()).isEqualTo(401);
  }

  @Test
  void anExpiredAccessTokenIsRefusedAndTheRefreshTokenStillWorks() {
    JsonNode tokens = dance.tokens(cookie, client, resource("alpha"));

    clock.skip(Duration.ofMinutes(61));

    Api.Answer expired = dance.mcp("/mcp/bundle/alpha", tokens.path("access_token").asString());
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.raw().headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    Api.Answer refreshed = dance.refresh(client, tokens.path("refresh_token").asString());
    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    assertThat(dance.mcp("/mcp/bundle/alpha", refreshed.json().path("access_token").asString()).status())
        .isEqualTo(200);
  }

  @Test
  void denyingConsentSendsAccessDeniedBackWithTheState() {
    Map<String, String> fields = OAuthDance.consentFields(
        dance.get(dance.authorizePath(client, resource("alpha"), Map.of()), cookie));

    Map<String, String> back = dance.decide(cookie, fields, "deny");

    assertThat(back).containsEntry("error", "access_denied").containsEntry("state", "state-42").doesNotContainKey("code");
  }

  @Test
  void aTokenStopsWorkingWhenItsBundleIsDeleted() {
    String access = dance.tokens(cookie, client, resource("gone")).path("access_token").asString();
    assertThat(dance.mcp("/mcp/bundle/gone", access).status()).isEqualTo(200);

    assertThat(new Api(server, pat).delete("/api/v1/bundles/gone").status()).isIn(200, 204);

    assertThat(dance.mcp("/mcp/bundle/gone", access).status()).isNotEqualTo(200);
  }

  @Test
  void aSignedOutUserIsSentToSignInAndBack() {
    Api.Answer answer = dance.get(dance.authorizePath(client, resource("alpha"), Map.of("scope", "a b")), "x=y");

    assertThat(answer.status()).isEqualTo(303);
    String location = answer.raw().headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/signin?next=%2Foauth%2Fauthorize%3F");
  }

  @Test
  void personalAccessTokensStillWorkOnEveryMcpEndpoint() {
    assertThat(dance.mcp("/mcp/bundle/alpha", pat).status()).isEqualTo(200);
    assertThat(dance.mcp("/mcp/hub", pat).status()).isEqualTo(200);
    Api.Answer bad = dance.mcp("/mcp/hub", "sb_pat_unknown");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.raw().headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    Api.Answer none = new Api(server, null).send(new Api(server, null).builder("/mcp/hub")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(none.raw().headers().firstValue("WWW-Authenticate").orElseThrow())
        .doesNotContain("error=").contains("resource_metadata=");
  }

  @Test
  void metadataNamesTheUrlTheClientUsedOnEveryAlias() {
    for (String origin : List.of(server.url(""), server.url("").replace("localhost", "127.0.0.1"))) {
      Api.Answer prm = absolute(origin + "/.well-known/oauth-protected-resource/mcp/bundle/alpha");
      assertThat(prm.json().path("resource").asString()).isEqualTo(origin + "/mcp/bundle/alpha");
      assertThat(prm.json().path("authorization_servers").get(0).asString()).isEqualTo(origin);
      for (String path : List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration",
          "/.well-known/oauth-authorization-server/mcp/bundle/alpha", "/mcp/hub/.well-known/openid-configuration")) {
        Api.Answer as = absolute(origin + path);
        assertThat(as.status()).as(path).isEqualTo(200);
        assertThat(as.json().path("issuer").asString()).isEqualTo(origin);
        assertThat(as.json().path("token_endpoint").asString()).isEqualTo(origin + "/oauth/token");
        assertThat(as.json().path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(as.json().path("client_id_metadata_document_supported").asBoolean()).isTrue();
        assertThat(as.raw().headers().firstValue("Access-Control-Allow-Origin")).contains("*");
      }
    }
  }

  @Test
  void registrationRefusesRedirectsThatAreNotSafe() {
    Api api = new Api(server, null);
    Api.Answer http = api.post("/oauth/register", Map.of("redirect_uris", List.of("http://evil.example/cb")));
    assertThat(http.status()).isEqualTo(400);
    assertThat(http.json().path("error").asString()).isEqualTo("invalid_redirect_uri");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      many.add("https://app.example/cb" + i);
    }
    assertThat(api.post("/oauth/register", Map.of("redirect_uris", many)).status()).isEqualTo(400);
    assertThat(api.post("/oauth/register", Map.of("redirect_uris", List.of("javascript:alert(1)"))).status())
        .isEqualTo(400);
    Api.Answer preflight = api.send(api.builder("/oauth/register").header("Origin", "https://claude.ai")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.raw().headers().firstValue("Access-Control-Allow-Origin")).contains("*");
  }

  @Test
  void disablingAUserEndsTheirGrantsForGoodEvenAfterEnablingThemAgain() {
    String email = "leaver@example.com";
    Cli.userWithToken(server.env(), email);
    JsonNode tokens = dance.tokens(dance.signIn(email, "password-of-" + email), client, server.url("/mcp/hub"));
    String access = tokens.path("access_token").asString();
    assertThat(dance.mcp("/mcp/hub", access).status()).isEqualTo(200);
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    String id = userId(admin, email);

    assertThat(admin.post("/api/v1/admin/users/" + id + "/disable", Map.of()).status()).isEqualTo(200);
    Api.Answer whileDisabled = dance.refresh(client, tokens.path("refresh_token").asString());
    assertThat(admin.post("/api/v1/admin/users/" + id + "/enable", Map.of()).status()).isEqualTo(200);

    assertThat(whileDisabled.status()).isEqualTo(400);
    assertThat(whileDisabled.json().path("error").asString()).isEqualTo("invalid_grant");
    assertThat(dance.refresh(client, tokens.path("refresh_token").asString()).status()).isEqualTo(400);
    assertThat(dance.mcp("/mcp/hub", access).status()).isEqualTo(401);
  }

  @Test
  void changingThePasswordWithTokenRevocationEndsTheGrants() {
    String email = "changer@example.com";
    String userPat = Cli.userWithToken(server.env(), email);
    JsonNode tokens = dance.tokens(dance.signIn(email, "password-of-" + email), client, server.url("/mcp/hub"));

    Api.Answer changed = new Api(server, userPat).post("/api/v1/me/password", Map.of("currentPassword",
        "password-of-" + email, "newPassword", "a-new-long-password-1", "revokeTokens", true));

    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    assertThat(dance.mcp("/mcp/hub", tokens.path("access_token").asString()).status()).isEqualTo(401);
    assertThat(dance.refresh(client, tokens.path("refresh_token").asString()).status()).isEqualTo(400);
  }

  @Test
  void anErrorBeforeConsentIsShownHereUnlessTheRedirectIsLoopback() {
    String evil = "https://evil.example/cb";
    String fresh = dance.register(evil);

    Api.Answer answer = dance.get(dance.authorizePath(fresh, resource("alpha"),
        Map.of("response_type", "token", "redirect_uri", evil)), "x=y");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.raw().headers().firstValue("Location")).isEmpty();
    assertThat(answer.body()).contains("Authorization refused");
  }

  @Test
  void revocationNamingAnotherClientLeavesTheTokenAlone() {
    JsonNode tokens = dance.tokens(cookie, client, resource("alpha"));
    String access = tokens.path("access_token").asString();

    Api.Answer other = dance.postForm("/oauth/revoke", Map.of("token", access, "client_id", "sbc_someone_else"), null);

    assertThat(other.status()).isEqualTo(200);
    assertThat(dance.mcp("/mcp/bundle/alpha", access).status()).isEqualTo(200);
    assertThat(dance.postForm("/oauth/revoke", Map.of("token", access, "client_id", client), null).status())
        .isEqualTo(200);
    assertThat(dance.mcp("/mcp/bundle/alpha", access).status()).isEqualTo(401);
  }

  @Test
  void aBundleCreatedAgainWithTheSameSlugDoesNotInheritTheConsent() {
    Api api = new Api(server, pat);
    Map<String, Object> reborn = Map.of("slug", "reborn", "name", "Reborn", "tools", List.of("calculator_add"));
    assertThat(api.post("/api/v1/bundles", reborn).status()).isEqualTo(201);
    JsonNode tokens = dance.tokens(cookie, client, resource("reborn"));
    assertThat(dance.mcp("/mcp/bundle/reborn", tokens.path("access_token").asString()).status()).isEqualTo(200);

    assertThat(api.delete("/api/v1/bundles/reborn").status()).isIn(200, 204);
    assertThat(api.post("/api/v1/bundles", reborn).status()).isEqualTo(201);

    assertThat(dance.mcp("/mcp/bundle/reborn", tokens.path("access_token").asString()).status()).isEqualTo(401);
    assertThat(dance.refresh(client, tokens.path("refresh_token").asString()).status()).isEqualTo(400);
  }

  private static String userId(Api admin, String email) {
    for (JsonNode u : admin.get("/api/v1/admin/users").json().path("items")) {
      if (u.path("email").asString().equals(email)) {
        return u.path("id").asString();
      }
    }
    throw new AssertionError("no user " + email);
  }

  private Api.Answer absolute(String url) {
    Api api = new Api(server, null);
    return api.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET());
  }

  private String otherUserCookie() {
    Cli.userWithToken(server.env(), "stranger@example.com");
    return dance.signIn("stranger@example.com", "password-of-stranger@example.com");
  }
}
