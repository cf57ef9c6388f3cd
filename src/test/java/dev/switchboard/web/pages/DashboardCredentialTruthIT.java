package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The new states where the dashboard shows them, in a real browser: a resolved problem's
 * notification carries "Resolved" and "operational again" follows it; a provider the health check
 * made INACTIVE shows why on its page. The upstream is local and changes behaviour mid-test.
 */
class DashboardCredentialTruthIT {
  @TempDir
  static Path dir;
  static LocalHttpServer upstream;
  static volatile boolean rejecting;
  static volatile boolean silent;
  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    upstream = LocalHttpServer.start().on("/", DashboardCredentialTruthIT::answer);
    server = TestServer.start(dir, Map.of("SWITCHBOARD_PROVIDER_OPENAI_BASE_URL", upstream.url("/v1"),
        "SWITCHBOARD_HEALTH_INTERVAL_MS", "200", "SWITCHBOARD_HEALTH_WINDOW_MS", "1500"));
    browser = Browser.start(server);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
    upstream.close();
  }

  /** OpenAI-shaped: 401 without a key or while rejecting, a model list otherwise; silent holds every request. */
  static void answer(HttpExchange exchange) throws IOException {
    if (silent) {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    boolean keyed = exchange.getRequestHeaders().getFirst("Authorization") != null;
    if (!keyed || rejecting) {
      LocalHttpServer.answer(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}",
          "Content-Type", "application/json").handle(exchange);
      return;
    }
    LocalHttpServer.answer(200, "{\"object\":\"list\",\"data\":[]}", "Content-Type", "application/json")
        .handle(exchange);
  }

  @Test
  void resolvedNotificationsAndTheReasonOfAnInactiveProviderAreShown() throws Exception {
    String email = "truth@example.com";
    Api api = new Api(server, Cli.userWithToken(server.env(), email));
    browser.signIn(email, "password-of-" + email);
    String id = api.post("/api/v1/credentials?verify=true", Map.of("provider", "openai", "authMethod", "API_KEY",
        "label", "Work", "fields", Map.of("api_key", "sk-truth-0000000000001"))).json().path("id").asString();
    assertThat(api.post("/api/v1/bundles", Map.of("slug", "models", "name", "Models",
        "tools", List.of("openai_list_models"))).status()).isEqualTo(201);

    rejecting = true;
    assertThat(api.post("/api/v1/credentials/" + id + "/verify", Map.of()).json().path("verification").asString())
        .isEqualTo("ERROR");
    rejecting = false;
    assertThat(api.post("/api/v1/credentials/" + id + "/verify", Map.of()).json().path("verification").asString())
        .isEqualTo("VERIFIED");

    browser.open("/notifications");
    String resolved = browser.text(By.cssSelector("li.notification.resolved"));
    assertThat(resolved).contains("Resolved");
    assertThat(browser.all(By.cssSelector("li.notification.resolved"))).hasSize(2);
    assertThat(browser.source()).contains("Bundle needs attention: Models").contains("Bundle operational again: Models")
        .contains("OpenAI: operational again");

    silent = true;
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60)); // a hang guard, not a timing assertion
    while (!api.get("/api/v1/providers/openai").json().path("status").asString().equals("INACTIVE")) {
      assertThat(Instant.now()).as("waiting for INACTIVE").isBefore(giveUp);
      Thread.sleep(100);
    }
    browser.open("/providers/openai");
    assertThat(browser.text(By.id("provider-status"))).contains("Inactive").contains("Why: unreachable since");
    silent = false;
  }
}
