package dev.switchboard.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A bundle someone else enabled and its owner then archived, took back to draft or deleted: the
 * enabling user's hub and OAuth connect skip it (they answered 404 "bundle not found" before), the
 * dashboard says it is no longer available, and they can still disable it.
 */
class UnavailableBundlesIT {
  @TempDir
  static Path dir;
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    assertThat(admin.post("/api/v1/admin/oauth-apps/github", Map.of("clientId", "gh-client",
        "clientSecret", "gh-client-secret")).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** An owner's published bundle that {@code user} enabled; returns the owner's client. */
  static Api sharedAndEnabled(String slug, List<String> tools, Api user) {
    Api owner = new Api(server, Cli.userWithToken(server.env(), "owner-" + slug + "@example.com"));
    assertThat(owner.post("/api/v1/bundles", Map.of("slug", slug, "name", "Shared " + slug, "mode", "DYNAMIC",
        "tools", tools)).status()).isEqualTo(201);
    assertThat(owner.post("/api/v1/bundles/" + slug + "/publish", Map.of()).status()).isEqualTo(200);
    assertThat(user.post("/api/v1/bundles/" + slug + "/enable", Map.of()).status()).isEqualTo(200);
    return owner;
  }

  static List<String> hubBundles(String token) {
    JsonNode listed = new McpCall(server, token, "/mcp/hub").call("list_bundles", Map.of());
    List<String> slugs = new ArrayList<>();
    listed.path("structuredContent").path("bundles").forEach(b -> slugs.add(b.path("slug").asString()));
    return slugs;
  }

  @Test
  void theHubSkipsBundlesTheirOwnersArchivedOrDeletedAndServesTheOthers() {
    String token = Cli.userWithToken(server.env(), "hub-user@example.com");
    Api user = new Api(server, token);
    user.post("/api/v1/credentials?verify=true", Map.of("provider", "calculator", "authMethod", "NONE"));
    sharedAndEnabled("still-there", List.of("calculator_add"), user);
    Api archiving = sharedAndEnabled("archived-later", List.of("calculator_add"), user);
    Api deleting = sharedAndEnabled("deleted-later", List.of("calculator_add"), user);

    assertThat(archiving.post("/api/v1/bundles/archived-later/archive", Map.of()).status()).isEqualTo(200);
    assertThat(deleting.delete("/api/v1/bundles/deleted-later").status()).isEqualTo(204);

    assertThat(hubBundles(token)).containsExactly("still-there");
    JsonNode called = new McpCall(server, token, "/mcp/hub").call("call_tool", Map.of("bundle", "still-there",
        "name", "calculator_add", "arguments", Map.of("a", 2, "b", 3)));
    assertThat(called.path("content").get(0).path("text").asString()).isEqualTo("5");
  }

  @Test
  void disablingABundleTheUserCanNoLongerSeeSucceedsAndRemovesTheEnablement() {
    Api user = new Api(server, Cli.userWithToken(server.env(), "disabler@example.com"));
    Api owner = sharedAndEnabled("gone-soon", List.of("calculator_add"), user);
    assertThat(owner.post("/api/v1/bundles/gone-soon/archive", Map.of()).status()).isEqualTo(200);
    assertThat(user.get("/api/v1/bundles/gone-soon").status()).isEqualTo(404);

    Api.Answer disabled = user.post("/api/v1/bundles/gone-soon/disable", Map.of());
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    assertThat(disabled.json().path("slug").asString()).isEqualTo("gone-soon");
    assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
    assertThat(disabled.json().path("available").asBoolean()).isFalse();
    assertThat(disabled.body()).doesNotContain("Shared gone-soon").doesNotContain("calculator_add");

    Api.Answer again = user.post("/api/v1/bundles/gone-soon/disable", Map.of());
    Api.Answer missing = user.post("/api/v1/bundles/no-such-bundle/disable", Map.of());
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.body()).isEqualTo(missing.body());
    // someone who never enabled it cannot learn it exists
    Api stranger = new Api(server, Cli.userWithToken(server.env(), "stranger@example.com"));
    Api.Answer theirs = stranger.post("/api/v1/bundles/gone-soon/disable", Map.of());
    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.body()).isEqualTo(missing.body());
  }

  @Test
  void oauthConnectSkipsAnArchivedBundleAndStillAsksForTheScopesOfTheOthers() {
    Api user = new Api(server, Cli.userWithToken(server.env(), "oauth-user@example.com"));
    sharedAndEnabled("repos-kept", List.of("github_list_repositories"), user);
    Api owner = sharedAndEnabled("profile-gone", List.of("github_get_authenticated_user"), user);
    assertThat(owner.post("/api/v1/bundles/profile-gone/archive", Map.of()).status()).isEqualTo(200);

    Api.Answer started = user.post("/api/v1/oauth/github/start", Map.of());
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String query = URI.create(started.json().path("authorizationUrl").asString()).getRawQuery();
    String scope = "";
    for (String pair : query.split("&")) {
      if (pair.startsWith("scope=")) {
        scope = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
      }
    }
    assertThat(scope.split(" ")).contains("repo");
  }

  @Test
  void theBundlesPageSaysNoLongerAvailableAndItsDisableButtonRemovesTheEnablement() {
    String email = "page-user@example.com";
    Api user = new Api(server, Cli.userWithToken(server.env(), email));
    Api owner = sharedAndEnabled("page-gone", List.of("calculator_add"), user);
    assertThat(owner.post("/api/v1/bundles/page-gone/archive", Map.of()).status()).isEqualTo(200);

    Api plain = new Api(server, null);
    String[] session = signIn(plain, email, "password-of-" + email);
    Api.Answer page = plain.send(plain.builder("/bundles").header("Cookie", session[0]));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("page-gone").contains("no longer available");

    Api.Answer disabled = plain.send(plain.builder("/bundles/page-gone/disable").header("Cookie", session[0])
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + session[1])));
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(303);
    Api.Answer after = plain.send(plain.builder("/bundles").header("Cookie", session[0]));
    assertThat(after.body()).doesNotContain("no longer available");
    assertThat(user.post("/api/v1/bundles/page-gone/disable", Map.of()).status()).isEqualTo(404);
  }

  /** Signs in through the form; answers the session cookie and the page's CSRF token. */
  static String[] signIn(Api plain, String email, String password) {
    Api.Answer form = plain.get("/signin");
    String formCookie = form.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("sb_signin=")).findFirst().orElseThrow();
    String token = formCookie.substring("sb_signin=".length(), formCookie.indexOf(';'));
    Api.Answer opened = plain.send(plain.builder("/signin")
        .header("Cookie", "sb_signin=" + token).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&email=" + email + "&password="
            + password)));
    assertThat(opened.status()).isEqualTo(303);
    String session = opened.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("sb_session=")).findFirst().orElseThrow();
    String cookie = session.substring(0, session.indexOf(';'));
    Api.Answer bundles = plain.send(plain.builder("/bundles").header("Cookie", cookie));
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
        .matcher(bundles.body());
    assertThat(csrf.find()).isTrue();
    return new String[] {cookie, csrf.group(1)};
  }
}
