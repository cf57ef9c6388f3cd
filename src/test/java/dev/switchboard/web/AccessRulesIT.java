package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * For every route of the served OpenAPI document: no or a bad token is 401; another user's id is
 * 404 and changes nothing; bad bodies are 400 (413 when too large) with a message naming the problem.
 */
class AccessRulesIT {
  @TempDir
  static Path dir;
  static TestServer server;
  static Api alice;
  static Api bob;
  static Api anonymous;
  static String aliceCredential;
  static String aliceTokenId;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    alice = new Api(server, Cli.userWithToken(server.env(), "alice@example.com"));
    bob = new Api(server, Cli.userWithToken(server.env(), "bob@example.com"));
    anonymous = new Api(server, null);
    aliceCredential = CredentialsApiIT.create(alice, "openai", "API_KEY",
        Map.of("api_key", "sk-alice-secret-000000000000")).path("id").asString();
    aliceTokenId = alice.get("/api/v1/tokens").json().path("items").get(0).path("id").asString();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  record Route(String method, String path) {}

  static List<Route> routes() {
    JsonNode paths = anonymous.get("/api/v1/openapi.json").json().path("paths");
    List<Route> routes = new ArrayList<>();
    for (String path : paths.propertyNames()) {
      for (String method : paths.path(path).propertyNames()) {
        routes.add(new Route(method.toUpperCase(), path));
      }
    }
    return routes;
  }

  static HttpRequest.Builder request(Api api, Route route, String id) {
    String path = route.path().replace("{id}", id).replaceAll("\\{[a-z]+\\}", "openai");
    HttpRequest.Builder b = api.builder(path).header("Content-Type", "application/json");
    return b.method(route.method(), route.method().equals("GET") || route.method().equals("DELETE")
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString("{}"));
  }

  @Test
  void everyRouteAnswers401WithoutOrWithABadToken() {
    List<Route> routes = routes();
    assertThat(routes).hasSizeGreaterThan(10);
    Api forged = new Api(server, "sb_pat_forgedforgedforgedforgedforgedforged00");
    for (Route route : routes) {
      if (route.path().equals("/api/v1/session") && route.method().equals("POST")) {
        continue;
      }
      Api.Answer none = anonymous.send(request(anonymous, route, "x"));
      assertThat(none.status()).as(route + " anonymous").isEqualTo(401);
      assertThat(none.errorCode()).isEqualTo("unauthenticated");
      assertThat(forged.send(request(forged, route, "x")).status()).as(route + " forged").isEqualTo(401);
    }
  }

  @Test
  void everyRouteWithAnIdAnswers404ForAnotherUsersIdAndChangesNothing() {
    JsonNode before = alice.get("/api/v1/credentials/" + aliceCredential).json();
    for (Route route : routes()) {
      if (!route.path().contains("{id}")) {
        continue;
      }
      String id = route.path().startsWith("/api/v1/tokens") ? aliceTokenId : aliceCredential;
      Api.Answer theirs = bob.send(request(bob, route, id));
      assertThat(theirs.status()).as(route.toString()).isEqualTo(404);
      Api.Answer missing = bob.send(request(bob, route, "cred_doesnotexist"));
      assertThat(missing.status()).as(route + " missing").isEqualTo(404);
      assertThat(theirs.body()).isEqualTo(missing.body());
    }
    assertThat(alice.get("/api/v1/credentials/" + aliceCredential).json()).isEqualTo(before);
    assertThat(alice.get("/api/v1/tokens").json().path("items").get(0).path("revokedAt").isNull()).isTrue();
  }

  @Test
  void malformedJsonUnknownFieldsWrongTypesAndHugeBodiesAreRefusedByName() {
    Api.Answer malformed = alice.post("/api/v1/credentials", "{\"provider\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorCode()).isEqualTo("malformed_json");

    Api.Answer unknown = alice.post("/api/v1/credentials",
        Map.of("provider", "openai", "authMethod", "API_KEY", "colour", "red"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("error").path("message").asString()).contains("colour");

    Api.Answer wrongType = alice.post("/api/v1/credentials",
        Map.of("provider", 42, "authMethod", "API_KEY"));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().path("error").path("message").asString()).contains("provider");

    Api.Answer notObject = alice.post("/api/v1/credentials", "[1,2]");
    assertThat(notObject.status()).isEqualTo(400);

    Api.Answer wrongLabel = alice.patch("/api/v1/credentials/" + aliceCredential, Map.of("label", true));
    assertThat(wrongLabel.status()).isEqualTo(400);
    assertThat(wrongLabel.json().path("error").path("message").asString()).contains("label");

    String huge = "{\"provider\":\"openai\",\"label\":\"" + "x".repeat(2_000_000) + "\"}";
    Api.Answer tooLarge = alice.post("/api/v1/credentials", huge);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.errorCode()).isEqualTo("body_too_large");

    Api.Answer textPlain = alice.send(alice.builder("/api/v1/credentials")
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(textPlain.status()).isEqualTo(400);
    assertThat(textPlain.errorCode()).isEqualTo("unsupported_media_type");
  }

  @Test
  void sessionCookieCallsNeedTheCsrfTokenToChangeState() {
    Api.Answer signIn = anonymous.post("/api/v1/session",
        Map.of("email", TestServer.ADMIN_EMAIL, "password", TestServer.ADMIN_PASSWORD));
    assertThat(signIn.status()).isEqualTo(200);
    String setCookie = signIn.raw().headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    String csrf = signIn.json().path("csrfToken").asString();

    Api.Answer read = anonymous.send(anonymous.builder("/api/v1/credentials").header("Cookie", cookie).GET());
    assertThat(read.status()).isEqualTo(200);
    HttpRequest.Builder post = anonymous.builder("/api/v1/tokens").header("Cookie", cookie)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"cli\"}"));
    assertThat(anonymous.send(post).status()).isEqualTo(403);
    Api.Answer withCsrf = anonymous.send(anonymous.builder("/api/v1/tokens").header("Cookie", cookie)
        .header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"cli\"}")));
    assertThat(withCsrf.status()).isEqualTo(201);
    assertThat(withCsrf.json().path("token").asString()).startsWith("sb_pat_");

    Api.Answer wrongPassword = anonymous.post("/api/v1/session",
        Map.of("email", TestServer.ADMIN_EMAIL, "password", "wrong-password-1"));
    assertThat(wrongPassword.status()).isEqualTo(401);
  }

  @Test
  void unknownApiRoutesAnswerJson404() {
    Api.Answer a = alice.get("/api/v1/nothing-here");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.errorCode()).isEqualTo("not_found");
  }
}
