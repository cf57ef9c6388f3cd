package dev.switchboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Administrators import OpenAPI documents, register MCP servers and set statuses; users see the result. */
class AdminProvidersIT {
  @TempDir
  static Path dir;
  static TestServer server;
  static Api admin;
  static Api user;
  static LocalHttpServer docs;
  static String tracker;

  @BeforeAll
  static void start() throws IOException {
    try (InputStream in = AdminProvidersIT.class.getResourceAsStream("/openapi/tracker-30.yaml")) {
      tracker = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    docs = LocalHttpServer.start().on("/openapi.yaml", LocalHttpServer.answer(200, tracker,
        "Content-Type", "application/yaml"));
    server = TestServer.sqlite(dir);
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    user = new Api(server, Cli.userWithToken(server.env(), "plain@example.com"));
  }

  @AfterAll
  static void stop() {
    server.close();
    docs.close();
  }

  @Test
  void anAdminImportsADocumentAndItsToolsAppear() {
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "tracker",
        "name", "Tracker", "category", "PROJECT_MANAGEMENT", "document", tracker,
        "baseUrl", "https://tracker.example/api", "authMethods", List.of(Map.of("type", "BEARER"))));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().path("tools").size()).isGreaterThan(2);
    assertThat(imported.json().path("skipped").size()).isGreaterThan(0);
    JsonNode tools = user.get("/api/v1/tools?provider=tracker").json().path("items");
    assertThat(tools.size()).isEqualTo(imported.json().path("tools").size());
    assertThat(tools.get(0).path("reason").asString()).isEqualTo("NO_CREDENTIAL");
    assertThat(user.get("/api/v1/providers/tracker").json().path("name").asString()).isEqualTo("Tracker");
    Api.Answer again = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "tracker",
        "document", tracker, "baseUrl", "https://tracker.example/api"));
    assertThat(again.json().path("tools")).isEqualTo(imported.json().path("tools"));
  }

  @Test
  void importsFromAUrlGoThroughTheGuard() {
    Api.Answer fromUrl = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "tracker-url",
        "url", docs.url("/openapi.yaml"), "baseUrl", "https://tracker.example/api"));
    assertThat(fromUrl.status()).as(fromUrl.body()).isEqualTo(201);
    Api.Answer blocked = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "tracker-meta",
        "url", "http://169.254.169.254/latest/openapi.yaml"));
    assertThat(blocked.status()).isEqualTo(400);
    assertThat(blocked.errorCode()).isEqualTo("outbound_blocked");
  }

  @Test
  void onlyAdminsChangeTheCatalogAndShippedProvidersCannotBeReplaced() {
    Api.Answer refused = user.post("/api/v1/admin/providers/openapi", Map.of("slug", "mine", "document", tracker));
    assertThat(refused.status()).isEqualTo(403);
    Api.Answer shipped = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "github", "document", tracker));
    assertThat(shipped.status()).isEqualTo(409);
    Api.Answer garbage = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "junk", "document", "hello: world"));
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.errorCode()).isEqualTo("openapi_invalid");
  }

  @Test
  void aDocumentThatOnlyWritesNeedsANamedValidationToolAndNeverGetsAWritingDefault() {
    String writesOnly = "openapi: 3.0.3\ninfo: {title: Writes, version: '1'}\n"
        + "servers: [{url: 'https://writes.example'}]\npaths:\n"
        + "  /accounts:\n    post:\n      operationId: createAccount\n      responses: {'200': {description: ok}}\n"
        + "  /actions/{id}:\n    delete:\n      operationId: deleteAction\n"
        + "      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
        + "      responses: {'200': {description: ok}}\n";

    Api.Answer refused = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "writes", "document", writesOnly));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").path("fields").path("validationTool").asString())
        .contains("no read-only (GET or HEAD) operation");
    assertThat(admin.get("/api/v1/providers/writes").status()).isEqualTo(404);
    Api.Answer named = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "writes", "document", writesOnly,
        "validationTool", "create_account"));
    assertThat(named.status()).as(named.body()).isEqualTo(201);
  }

  @Test
  void anInactiveProvidersToolsAreUnavailableAndComeBack() {
    Api.Answer inactive = admin.post("/api/v1/admin/providers/open-meteo/status", Map.of("status", "INACTIVE"));
    assertThat(inactive.json().path("status").asString()).isEqualTo("INACTIVE");
    JsonNode tools = user.get("/api/v1/tools?provider=open-meteo").json().path("items");
    assertThat(tools.get(0).path("reason").asString()).isEqualTo("PROVIDER_INACTIVE");
    admin.post("/api/v1/admin/providers/open-meteo/status", Map.of("status", "ACTIVE"));
    assertThat(user.get("/api/v1/tools?provider=open-meteo").json().path("items").get(0).path("reason").asString())
        .isEqualTo("NO_CREDENTIAL");
  }

  @Test
  void theCommandLineImportReachesARunningServer() throws Exception {
    Path file = dir.resolve("tracker.yaml");
    Files.writeString(file, tracker);
    Cli.Result result = Cli.run(server.env(), "provider", "import", "--openapi", file.toString(),
        "--slug", "tracker-cli", "--base-url", "https://tracker.example/api", "--auth", "BEARER");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("imported tracker-cli");
    Instant until = Instant.now().plus(Duration.ofSeconds(10));
    int status = 404;
    while (status != 200 && Instant.now().isBefore(until)) {
      status = user.get("/api/v1/providers/tracker-cli").status();
      Thread.sleep(200);
    }
    assertThat(status).isEqualTo(200);
    assertThat(Cli.run(server.env(), "provider", "list").out()).contains("tracker-cli");
  }

  @Test
  void withoutAuthMethodsTheDocumentsSchemesAreTheProvidersMethods() {
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "tracker-doc",
        "document", tracker, "baseUrl", "https://tracker.example/api"));

    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    JsonNode methods = imported.json().path("provider").path("authMethods");
    assertThat(methods.toString()).contains("\"OAUTH2\"").contains("\"API_KEY\"");
    assertThat(methods.toString()).contains("https://tracker.example/oauth/authorize").contains("X-Api-Key");
  }

  @Test
  void basicAuthThroughRestNeedsItsUserNameFieldAndSaysSoWithA400() {
    Map<String, Object> basic = Map.of("type", "API_KEY", "in", "BASIC", "usernameField", "email");
    Api.Answer missing = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "tracker-basic",
        "document", tracker, "baseUrl", "https://tracker.example/api", "authMethods", List.of(basic)));
    Api.Answer given = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "tracker-basic",
        "document", tracker, "baseUrl", "https://tracker.example/api", "authMethods", List.of(basic),
        "credentialSchema", Map.of("shape", "CUSTOM", "fields", List.of(
            Map.of("name", "email", "title", "E-mail", "type", "EMAIL", "required", true),
            Map.of("name", "api_key", "title", "API token", "type", "STRING", "required", true, "secret", true))),
        "credentialParameters", List.of("project")));

    assertThat(missing.status()).as(missing.body()).isEqualTo(400);
    assertThat(missing.errorCode()).isEqualTo("invalid_fields");
    assertThat(missing.body()).contains("usernameField email");
    assertThat(given.status()).as(given.body()).isEqualTo(201);
    JsonNode tools = user.get("/api/v1/tools?provider=tracker-basic").json().path("items");
    assertThat(tools.toString()).doesNotContain("\"project\"");
  }

  @Test
  void theCommandLineRegistersAnMcpServerWithItsValidationTool() {
    Cli.Result result = Cli.run(server.env(), "provider", "add-mcp", "--url", "https://mcp.example/mcp",
        "--slug", "remote-cli", "--auth", "BEARER", "--validation-tool", "whoami");
    Cli.Result withoutTool = Cli.run(server.env(), "provider", "add-mcp", "--url", "https://mcp.example/mcp",
        "--slug", "remote-cli-2");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("registered MCP provider remote-cli");
    assertThat(withoutTool.exitCode()).isNotZero();
    assertThat(withoutTool.err()).contains("--validation-tool");
  }

  @Test
  void theCommandLineSetsAnMcpServersLongestCall() {
    Cli.Result result = Cli.run(server.env(), "provider", "add-mcp", "--url", "https://mcp.example/mcp",
        "--slug", "remote-long", "--validation-tool", "whoami", "--max-call-seconds", "3600");
    Cli.Result tooLong = Cli.run(server.env(), "provider", "add-mcp", "--url", "https://mcp.example/mcp",
        "--slug", "remote-too-long", "--validation-tool", "whoami", "--max-call-seconds", "86401");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(admin.awaitProvider("remote-long").json().path("maxCallSeconds").asInt()).isEqualTo(3600);
    assertThat(tooLong.exitCode()).isNotZero();
    assertThat(tooLong.err()).contains("maxCallSeconds").contains("between 1 and 86400");
  }
}
