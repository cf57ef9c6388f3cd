package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Screenshots of the main pages with realistic data: connected, failed and unverified providers, a
 * partly ready bundle. Written to {@code target/screenshots}; run with
 * {@code -Dscreenshots.dir=docs/screenshots} to refresh the ones the README shows.
 */
class DashboardScreenshotsIT {
  @TempDir
  static Path dir;
  static LocalHttpServer upstream;
  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    upstream = LocalHttpServer.start()
        .on("/forecast", LocalHttpServer.answer(200, "{\"latitude\":52.5}", "Content-Type", "application/json"))
        .on("/models", LocalHttpServer.answer(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}",
            "Content-Type", "application/json"));
    server = TestServer.start(dir, Map.of("SWITCHBOARD_PROVIDER_OPENAI_BASE_URL", upstream.url(""),
        "SWITCHBOARD_PROVIDER_OPEN_METEO_BASE_URL", upstream.url("")));
    Api api = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    api.post("/api/v1/credentials?verify=true", Map.of("provider", "calculator", "authMethod", "NONE",
        "label", "Demo calculator"));
    api.post("/api/v1/credentials?verify=true", Map.of("provider", "open-meteo", "authMethod", "NONE",
        "label", "Weather"));
    api.post("/api/v1/credentials?verify=true", Map.of("provider", "openai", "authMethod", "API_KEY",
        "label", "Production", "fields", Map.of("api_key", "sk-screenshot-000000000000")));
    api.post("/api/v1/credentials", Map.of("provider", "github", "authMethod", "BEARER", "label", "Personal",
        "fields", Map.of("token", "ghp_screenshot_0000000000000")));
    api.post("/api/v1/bundles", Map.of("slug", "research", "name", "Research assistant",
        "description", "Weather, maths and models for the research team",
        "tools", List.of("calculator_add", "calculator_divide", "open-meteo_get_forecast", "openai_list_models")));
    String token = Cli.token(server.env(), TestServer.ADMIN_EMAIL);
    new McpCall(server, token, "/mcp/bundle/research").call("calculator_divide", Map.of("a", 1, "b", 3));
    new McpCall(server, token, "/mcp/bundle/research").call("open-meteo_get_forecast",
        Map.of("latitude", 52.52, "longitude", 13.41));
    browser = Browser.start(server);
    browser.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
    upstream.close();
  }

  @Test
  void mainPages() throws Exception {
    Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    shoot("/providers", out.resolve("providers.png"));
    shoot("/providers/openai", out.resolve("provider.png"));
    shoot("/bundles/research", out.resolve("bundle.png"));
    shoot("/connections", out.resolve("connections.png"));
    shoot("/executions", out.resolve("executions.png"));
    browser.size(375, 812);
    shoot("/providers/calculator", out.resolve("provider-375px.png"));
    browser.size(1280, 1000);
    try (var files = Files.list(out)) {
      assertThat(files.filter(f -> f.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(6);
    }
  }

  private static void shoot(String page, Path file) {
    browser.open(page);
    browser.find(By.tagName("h1"));
    browser.screenshot(file);
  }
}
