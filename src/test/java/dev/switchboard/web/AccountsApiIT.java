package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Accounts over REST: a password change ends the other sessions (and on request the tokens); an
 * admin disables, enables and deletes users, never themselves nor the last admin; a user who must
 * change their password can do nothing else; passwords over bcrypt's 72 bytes never cause a 500.
 */
class AccountsApiIT {
  @TempDir
  static Path dir;
  static TestServer server;
  static Api admin;
  static Api anonymous;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    anonymous = new Api(server, null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A signed-in browser-like client: its cookie and CSRF token. */
  record Session(String cookie, String csrf) {
    Api.Answer get(String path) {
      return anonymous.send(anonymous.builder(path).header("Cookie", cookie).GET());
    }

    Api.Answer post(String path, Object body) {
      return anonymous.send(anonymous.builder(path).header("Cookie", cookie).header("X-CSRF-Token", csrf)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body))));
    }
  }

  static Api.Answer signIn(String email, String password) {
    return anonymous.post("/api/v1/session", Map.of("email", email, "password", password));
  }

  static Session session(String email, String password) {
    Api.Answer a = signIn(email, password);
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    String setCookie = a.raw().headers().firstValue("Set-Cookie").orElseThrow();
    return new Session(setCookie.substring(0, setCookie.indexOf(';')), a.json().path("csrfToken").asString());
  }

  static String userId(String email) {
    for (JsonNode u : admin.get("/api/v1/admin/users").json().path("items")) {
      if (u.path("email").asString().equals(email)) {
        return u.path("id").asString();
      }
    }
    throw new AssertionError("no user " + email);
  }

  static int mcpStatus(String token) {
    Api api = new Api(server, token);
    return api.send(api.builder("/mcp/hub").header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", "2025-11-25")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
            + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"))).status();
  }

  @Test
  void aPasswordChangeEndsTheOtherSessionsKeepsThisOneAndRevokesTokensOnlyWhenAsked() {
    String email = "changer@example.com";
    Api token = new Api(server, Cli.userWithToken(server.env(), email));
    Session here = session(email, "password-of-" + email);
    Session elsewhere = session(email, "password-of-" + email);

    Api.Answer changed = here.post("/api/v1/me/password",
        Map.of("currentPassword", "password-of-" + email, "newPassword", "second-password-1"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    assertThat(here.get("/api/v1/tokens").status()).isEqualTo(200);
    assertThat(elsewhere.get("/api/v1/tokens").status()).isEqualTo(401);
    assertThat(token.get("/api/v1/tokens").status()).as("tokens survive without revokeTokens").isEqualTo(200);

    Session third = session(email, "second-password-1");
    Api.Answer again = here.post("/api/v1/me/password",
        Map.of("currentPassword", "second-password-1", "newPassword", "third-password-1", "revokeTokens", true));
    assertThat(again.status()).as(again.body()).isEqualTo(204);
    assertThat(here.get("/api/v1/tokens").status()).isEqualTo(200);
    assertThat(third.get("/api/v1/tokens").status()).isEqualTo(401);
    assertThat(token.get("/api/v1/tokens").status()).isEqualTo(401);
    assertThat(here.get("/api/v1/tokens").json().path("items").get(0).path("revokedAt").isNull()).isFalse();
    assertThat(mcpStatus(Cli.token(server.env(), email))).isEqualTo(200);

    // with a token there is no session to keep: every session ends
    Api fresh = new Api(server, Cli.token(server.env(), email));
    assertThat(fresh.post("/api/v1/me/password", Map.of("currentPassword", "third-password-1",
        "newPassword", "fourth-password-1")).status()).isEqualTo(204);
    assertThat(here.get("/api/v1/tokens").status()).isEqualTo(401);
    assertThat(fresh.get("/api/v1/tokens").status()).isEqualTo(200);
  }

  @Test
  void aUserWhoMustChangeTheirPasswordGets403FromEveryCallButSessionPasswordAndSignOut() {
    String email = "newcomer@example.com";
    Api.Answer created = admin.post("/api/v1/admin/users", Map.of("email", email, "password", "one-time-pass-1"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("mustChangePassword").asBoolean()).isTrue();
    String pat = Cli.token(server.env(), email);
    Api token = new Api(server, pat);
    Session session = session(email, "one-time-pass-1");

    for (Api.Answer refused : new Api.Answer[] {token.get("/api/v1/credentials"), token.get("/api/v1/tokens"),
        token.post("/api/v1/tokens", Map.of("name", "sneaky")), session.get("/api/v1/providers"),
        session.post("/api/v1/tokens", Map.of("name", "sneaky")), session.get("/api/v1/bundles")}) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(refused.errorCode()).isEqualTo("password_change_required");
      assertThat(refused.json().path("error").path("message").asString()).contains("change your password");
    }
    assertThat(mcpStatus(pat)).as("MCP with the token of such a user").isEqualTo(403);
    assertThat(session.get("/api/v1/session").status()).isEqualTo(200);
    assertThat(session.get("/api/v1/session").json().path("user").path("mustChangePassword").asBoolean()).isTrue();
    assertThat(token.get("/api/v1/session").status()).isEqualTo(200);

    Api.Answer changed = session.post("/api/v1/me/password",
        Map.of("currentPassword", "one-time-pass-1", "newPassword", "my-own-password-1"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    assertThat(session.get("/api/v1/providers").status()).isEqualTo(200);
    assertThat(token.get("/api/v1/credentials").status()).isEqualTo(200);
    assertThat(mcpStatus(pat)).isEqualTo(200);

    Session other = session(email, "my-own-password-1");
    Api.Answer out = anonymous.send(anonymous.builder("/api/v1/session").header("Cookie", other.cookie())
        .header("X-CSRF-Token", other.csrf()).DELETE());
    assertThat(out.status()).isEqualTo(204);
  }

  @Test
  void disablingAUserEndsTheirSessionsTokensAndMcpAccessAtOnceAndRefusesTheirSignIn() {
    String email = "leaver@example.com";
    String pat = Cli.userWithToken(server.env(), email);
    Api token = new Api(server, pat);
    Session session = session(email, "password-of-" + email);
    assertThat(token.get("/api/v1/credentials").status()).isEqualTo(200); // the principal is now kept
    assertThat(mcpStatus(pat)).isEqualTo(200);
    String id = userId(email);

    Api.Answer disabled = admin.post("/api/v1/admin/users/" + id + "/disable", Map.of());
    assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
    assertThat(disabled.json().path("disabled").asBoolean()).isTrue();
    assertThat(token.get("/api/v1/credentials").status()).as("no second of grace").isEqualTo(401);
    assertThat(mcpStatus(pat)).isEqualTo(401);
    assertThat(session.get("/api/v1/credentials").status()).isEqualTo(401);
    Api.Answer refused = signIn(email, "password-of-" + email);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.errorCode()).isEqualTo("bad_credentials");
    assertThat(Cli.run(server.env(), "user", "list").out()).contains(email + "  disabled");

    Api.Answer enabled = admin.post("/api/v1/admin/users/" + id + "/enable", Map.of());
    assertThat(enabled.status()).isEqualTo(200);
    assertThat(enabled.json().path("disabled").asBoolean()).isFalse();
    assertThat(signIn(email, "password-of-" + email).status()).isEqualTo(200);
    assertThat(token.get("/api/v1/credentials").status()).as("its tokens stay revoked").isEqualTo(401);
  }

  @Test
  void anAdminCannotDisableOrDeleteThemselvesNorTheCliTheLastEnabledAdmin() throws InterruptedException {
    String adminId = userId(TestServer.ADMIN_EMAIL);
    for (Api.Answer a : new Api.Answer[] {admin.post("/api/v1/admin/users/" + adminId + "/disable", Map.of()),
        admin.delete("/api/v1/admin/users/" + adminId)}) {
      assertThat(a.status()).isEqualTo(409);
      assertThat(a.errorCode()).isEqualTo("own_account");
    }
    Cli.run(server.env(), "user", "create", "--email", "second-admin@example.com", "--password",
        "second-admin-pass", "--admin");
    assertThat(Cli.run(server.env(), "user", "disable", "--email", "second-admin@example.com").exitCode()).isZero();
    for (String command : new String[] {"disable", "delete"}) {
      Cli.Result last = Cli.run(server.env(), "user", command, "--email", TestServer.ADMIN_EMAIL);
      assertThat(last.exitCode()).isEqualTo(1);
      assertThat(last.err()).contains("last enabled admin");
    }
    assertThat(admin.get("/api/v1/session").status()).isEqualTo(200);
    assertThat(Cli.run(server.env(), "user", "enable", "--email", "second-admin@example.com").exitCode()).isZero();
    Api second = new Api(server, Cli.token(server.env(), "second-admin@example.com"));
    assertThat(second.get("/api/v1/admin/users").status()).isEqualTo(200);
    assertThat(Cli.run(server.env(), "user", "delete", "--email", "second-admin@example.com").exitCode()).isZero();
    // the command ran beside the server, which may keep who the token named for up to a second
    long until = System.currentTimeMillis() + 3_000;
    while (second.get("/api/v1/admin/users").status() != 401 && System.currentTimeMillis() < until) {
      Thread.sleep(50);
    }
    assertThat(second.get("/api/v1/admin/users").status()).isEqualTo(401);
    assertThat(admin.get("/api/v1/admin/users").body()).doesNotContain("second-admin@example.com");
  }

  @Test
  void nonAdminsGet404ForAnyUserIdOnTheUserAdminRoutesAndChangeNothing() {
    Cli.userWithToken(server.env(), "victim@example.com");
    Api nosy = new Api(server, Cli.userWithToken(server.env(), "nosy@example.com"));
    String victim = userId("victim@example.com");
    for (String[] route : new String[][] {{"POST", "/disable"}, {"POST", "/enable"}, {"DELETE", ""}}) {
      Api.Answer theirs = nosy.send(nosy.builder("/api/v1/admin/users/" + victim + route[1])
          .header("Content-Type", "application/json").method(route[0], HttpRequest.BodyPublishers.noBody()));
      Api.Answer missing = nosy.send(nosy.builder("/api/v1/admin/users/usr_missing" + route[1])
          .header("Content-Type", "application/json").method(route[0], HttpRequest.BodyPublishers.noBody()));
      assertThat(theirs.status()).as(route[0] + route[1]).isEqualTo(404);
      assertThat(theirs.body()).isEqualTo(missing.body());
      assertThat(anonymous.send(anonymous.builder("/api/v1/admin/users/" + victim + route[1])
          .method(route[0], HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(401);
    }
    assertThat(admin.get("/api/v1/admin/users").body()).contains("victim@example.com");
    assertThat(signIn("victim@example.com", "password-of-victim@example.com").status()).isEqualTo(200);
    assertThat(admin.delete("/api/v1/admin/users/usr_missing").status()).isEqualTo(404);
  }

  @Test
  void passwordsOverBcryptsSeventyTwoBytesAreRefusedWhenSetAndNeverAnswer500AtSignIn() {
    String tooLong = "é".repeat(37); // 74 bytes, 37 characters
    Api.Answer create = admin.post("/api/v1/admin/users", Map.of("email", "long@example.com", "password", tooLong));
    assertThat(create.status()).isEqualTo(400);
    assertThat(create.errorCode()).isEqualTo("long_password");
    assertThat(create.json().path("error").path("message").asString()).contains("72 bytes");

    Map<String, Object> change = new HashMap<>();
    change.put("currentPassword", "x".repeat(100));
    change.put("newPassword", tooLong);
    Api.Answer badCurrent = admin.post("/api/v1/me/password", change);
    assertThat(badCurrent.status()).isEqualTo(400);
    assertThat(badCurrent.errorCode()).isEqualTo("bad_current_password");
    change.put("currentPassword", TestServer.ADMIN_PASSWORD);
    Api.Answer longNew = admin.post("/api/v1/me/password", change);
    assertThat(longNew.status()).isEqualTo(400);
    assertThat(longNew.errorCode()).isEqualTo("long_password");

    Api.Answer signIn = signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD + "x".repeat(100));
    assertThat(signIn.status()).as(signIn.body()).isEqualTo(401);
    assertThat(signIn.errorCode()).isEqualTo("bad_credentials");
    assertThat(signIn("nobody@example.com", "y".repeat(300)).status()).isEqualTo(401);
  }
}
