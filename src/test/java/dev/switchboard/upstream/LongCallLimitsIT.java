package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.HangingUpstream;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Each remote MCP provider's longest call ({@code maxCallSeconds}) caps how far progress extends a
 * call, whatever {@code SWITCHBOARD_MCP_MAX_CALL_MS} says: server-everything's long-running tool,
 * reporting progress every half second for nine seconds, is ended as a timeout through a provider
 * allowing five seconds and finishes through one allowing a minute (the installation allows 3 s).
 * Timeouts are their own outcome, {@code TIMEOUT}, for MCP and HTTP API tools alike: in the
 * result ("timed out after N s"), the execution records and their filter (REST and the dashboard's
 * Executions page, in a browser), and the metrics.
 */
class LongCallLimitsIT {
  static final String SLOTH = String.join("\n",
      "openapi: 3.0.3",
      "info: {title: Sloth, version: \"1\"}",
      "servers: [{url: https://sloth.example}]",
      "paths:",
      "  /ping:",
      "    get:",
      "      operationId: ping",
      "      responses: {'200': {description: ok}}",
      "  /hang:",
      "    get:",
      "      operationId: hang",
      "      responses: {'200': {description: ok}}") + "\n";
  @TempDir
  static Path dir;
  static EverythingServer everything;
  static HangingUpstream hanging;
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start() {
    EverythingServer.requireInstalled();
    everything = EverythingServer.start("streamableHttp");
    hanging = new HangingUpstream();
    server = TestServer.start(dir, Map.of("SWITCHBOARD_CALL_TIMEOUT_MS", "3000", "SWITCHBOARD_MCP_MAX_CALL_MS", "3000"));
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (everything != null) {
      everything.close();
    }
    if (hanging != null) {
      hanging.close();
    }
  }

  @Test
  void aProvidersLongestCallEndsALongCallOrLetsItFinish() {
    register("brief", 5);
    register("patient", 60);
    String token = Cli.userWithToken(server.env(), "long@example.com");
    Api user = new Api(server, token);
    connect(user, "brief");
    connect(user, "patient");
    Api.Answer bundle = user.post("/api/v1/bundles", Map.of("slug", "long", "name", "Long",
        "tools", List.of("brief_trigger_long_running_operation", "patient_trigger_long_running_operation")));
    assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
    McpCall mcp = new McpCall(server, token, "/mcp/bundle/long");

    JsonNode ended = mcp.call("brief_trigger_long_running_operation", Map.of("duration", 9, "steps", 18));
    JsonNode finished = mcp.call("patient_trigger_long_running_operation", Map.of("duration", 9, "steps", 18));

    assertThat(ended.path("isError").asBoolean()).as(ended.toString()).isTrue();
    assertThat(ended.path("content").get(0).path("text").asString())
        .startsWith("provider timed out: the request to 127.0.0.1:").containsPattern("timed out after \\d+(\\.\\d)? s$");
    assertThat(finished.path("isError").asBoolean()).as(finished.toString()).isFalse();
    assertThat(finished.toString()).contains("completed");
    JsonNode timeouts = user.get("/api/v1/executions?outcome=TIMEOUT").json().path("items");
    assertThat(timeouts.size()).as(timeouts.toString()).isEqualTo(1);
    assertThat(timeouts.get(0).path("provider").asString()).isEqualTo("brief");
    assertThat(user.get("/api/v1/executions?provider=patient").json().path("items").get(0).path("outcome").asString())
        .isEqualTo("OK");
    assertThat(new Api(server, null).get("/metrics").body()).contains("provider=\"brief\"")
        .contains("outcome=\"TIMEOUT\"");
  }

  @Test
  void anApiToolThatDoesNotAnswerInTimeIsATimeoutToo() {
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "sloth", "name", "Sloth",
        "document", SLOTH, "baseUrl", hanging.url(), "validationTool", "ping"));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    String token = Cli.userWithToken(server.env(), "sloth@example.com");
    Api user = new Api(server, token);
    connect(user, "sloth");
    assertThat(user.post("/api/v1/bundles", Map.of("slug", "sloth", "name", "Sloth", "tools",
        List.of("sloth_hang"))).status()).isEqualTo(201);

    JsonNode result = new McpCall(server, token, "/mcp/bundle/sloth").call("sloth_hang", Map.of());

    assertThat(result.path("isError").asBoolean()).as(result.toString()).isTrue();
    assertThat(result.path("content").get(0).path("text").asString()).startsWith("provider timed out: ")
        .containsPattern("timed out after \\d(\\.\\d)? s$");
    JsonNode items = user.get("/api/v1/executions?outcome=TIMEOUT").json().path("items");
    assertThat(items.size()).as(items.toString()).isEqualTo(1);
    assertThat(items.get(0).path("tool").asString()).isEqualTo("sloth_hang");
    try (Browser browser = Browser.start(server)) {
      browser.signIn("sloth@example.com", "password-of-sloth@example.com").open("/executions");
      new Select(browser.find(By.id("x-outcome"))).selectByValue("TIMEOUT");
      browser.submit(By.cssSelector("form.filters button[type=submit]"));

      List<WebElement> rows = browser.all(By.cssSelector("#executions tbody tr"));
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).getText()).contains("sloth_hang").contains("Timeout");
    }
  }

  @Test
  void aValidationThatTimesOutIsAnErrorWithItsOwnCode() {
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "slothcheck",
        "name", "Sloth check", "document", SLOTH, "baseUrl", hanging.url(), "validationTool", "hang"));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    Api user = new Api(server, Cli.userWithToken(server.env(), "check@example.com"));

    Api.Answer saved = user.post("/api/v1/credentials?verify=true",
        Map.of("provider", "slothcheck", "authMethod", "NONE", "label", "Sloth"));

    assertThat(saved.status()).as(saved.body()).isEqualTo(201);
    assertThat(saved.json().path("verification").asString()).isEqualTo("ERROR");
    assertThat(saved.json().path("verificationCode").asString()).isEqualTo("provider_timeout");
    assertThat(saved.json().path("verificationMessage").asString()).startsWith("provider timed out: ")
        .contains("timed out after");
  }

  @Test
  void aLongestCallOutsideItsRangeOrOnAnApiProviderIsRefused() {
    Api.Answer zero = admin.post("/api/v1/admin/providers/mcp", Map.of("slug", "zero", "mcpUrl",
        everything.url("/mcp"), "validationTool", "echo", "maxCallSeconds", 0));
    Api.Answer api = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "apilong", "document", SLOTH,
        "baseUrl", hanging.url(), "validationTool", "ping", "maxCallSeconds", 60));

    assertThat(zero.status()).as(zero.body()).isEqualTo(400);
    assertThat(zero.body()).contains("maxCallSeconds").contains("between 1 and 86400");
    assertThat(api.status()).as(api.body()).isEqualTo(400);
    assertThat(api.body()).contains("maxCallSeconds").contains("only for MCP servers");
    assertThat(admin.get("/api/v1/providers/zero").status()).isEqualTo(404);
  }

  private static void register(String slug, int maxCallSeconds) {
    Api.Answer registered = admin.post("/api/v1/admin/providers/mcp", Map.of("slug", slug, "name", slug,
        "mcpUrl", everything.url("/mcp"), "validationTool", "echo", "validationArguments", Map.of("message", "ping"),
        "maxCallSeconds", maxCallSeconds));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    assertThat(registered.body()).contains("\"maxCallSeconds\":" + maxCallSeconds);
  }

  private static void connect(Api user, String provider) {
    Api.Answer credential = user.post("/api/v1/credentials?verify=true",
        Map.of("provider", provider, "authMethod", "NONE", "label", provider));
    assertThat(credential.json().path("verification").asString()).as(credential.body()).isEqualTo("VERIFIED");
  }
}
