package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An operation with its own {@code servers} (GitHub's release-asset upload on uploads.github.com) is
 * imported and called at that server, with the provider's credential, through the outbound guard:
 * one on a link-local address is refused before anything is sent.
 */
class OperationServersIT {
  @TempDir
  static Path dir;
  static LocalHttpServer main;
  static LocalHttpServer uploads;
  static TestServer server;
  static Api admin;
  static McpCall mcp;

  @BeforeAll
  static void start() {
    main = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "{\"me\":true}", "Content-Type",
        "application/json"));
    uploads = LocalHttpServer.start().on("/", LocalHttpServer.answer(201, "{\"uploaded\":true}", "Content-Type",
        "application/json"));
    String document = """
        {"openapi": "3.0.3", "info": {"title": "Two hosts", "version": "1"},
         "servers": [{"url": "%s"}],
         "paths": {
           "/me": {"get": {"operationId": "get_me", "responses": {"200": {"description": "ok"}}}},
           "/assets/{name}": {"post": {"operationId": "upload_asset",
             "servers": [{"url": "{scheme}://127.0.0.1:%d/upload", "variables": {"scheme": {"default": "http"}}}],
             "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}],
             "responses": {"201": {"description": "uploaded"}}}},
           "/metadata": {"servers": [{"url": "http://169.254.169.254/latest"}],
             "get": {"operationId": "get_metadata", "responses": {"200": {"description": "ok"}}}}
         }}""".formatted(main.url(""), uploads.port());
    server = TestServer.sqlite(dir);
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "twohosts",
        "document", document, "validationTool", "get_me", "authMethods", List.of(Map.of("type", "BEARER"))));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().path("skipped").size()).as(imported.body()).isZero();
    Api user = new Api(server, Cli.userWithToken(server.env(), "hosts@example.com"));
    Api.Answer created = user.post("/api/v1/credentials?verify=true", Map.of("provider", "twohosts",
        "authMethod", "BEARER", "fields", Map.of("token", "tok_hosts_0123456789")));
    assertThat(created.json().path("verification").asString()).as(created.body()).isEqualTo("VERIFIED");
    assertThat(user.post("/api/v1/bundles", Map.of("slug", "hosts", "name", "Hosts",
        "tools", List.of("twohosts_upload_asset", "twohosts_get_metadata"))).status()).isEqualTo(201);
    mcp = new McpCall(server, Cli.token(server.env(), "hosts@example.com"), "/mcp/bundle/hosts");
  }

  @AfterAll
  static void stop() {
    server.close();
    main.close();
    uploads.close();
  }

  @Test
  void anOperationWithItsOwnServerIsCalledThereWithTheProvidersCredential() {
    int before = main.requests().size();

    JsonNode result = mcp.call("twohosts_upload_asset", Map.of("name", "notes.txt"));

    assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
    LocalHttpServer.Recorded request = uploads.requests().get(uploads.requests().size() - 1);
    assertThat(request.pathAndQuery()).isEqualTo("/upload/assets/notes.txt");
    assertThat(request.header("authorization")).isEqualTo("Bearer tok_hosts_0123456789");
    assertThat(main.requests()).hasSize(before);
  }

  @Test
  void anOperationServerTheOutboundGuardRefusesIsNeverCalled() {
    JsonNode result = mcp.call("twohosts_get_metadata", Map.of());

    assertThat(result.path("isError").asBoolean()).as(result.toString()).isTrue();
    assertThat(result.toString()).containsAnyOf("refused", "169.254.169.254").doesNotContain("tok_hosts");
  }
}
