package dev.switchboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Provider health (docs/credentials.md): a provider whose upstream stops answering for the health
 * window becomes INACTIVE with the reason on its API view and a notification to its users; when it
 * answers again it is ACTIVE, the notification is resolved and "operational again" is said. The
 * upstream is local and changes behaviour mid-test; interval and window are set short. A provider
 * that declares a health request (GitHub: {@code GET /meta}) is sent that one; one that declares none
 * (OpenAI) a plain GET of its base URL.
 */
class ProviderHealthIT {
  @TempDir
  static Path dir;
  static LocalHttpServer upstream;
  static volatile boolean silent;
  static final Set<String> asked = ConcurrentHashMap.newKeySet();
  static TestServer server;
  static Api api;

  @BeforeAll
  static void start() {
    upstream = LocalHttpServer.start().on("/", ProviderHealthIT::answer);
    server = TestServer.start(dir, Map.of("SWITCHBOARD_PROVIDER_OPENAI_BASE_URL", upstream.url("/v1"),
        "SWITCHBOARD_PROVIDER_GITHUB_BASE_URL", upstream.url("/gh"),
        "SWITCHBOARD_HEALTH_INTERVAL_MS", "200", "SWITCHBOARD_HEALTH_WINDOW_MS", "1500"));
    api = new Api(server, Cli.userWithToken(server.env(), "health@example.com"));
  }

  @AfterAll
  static void stop() {
    server.close();
    upstream.close();
  }

  /** Answers 401 like OpenAI without a key; while silent, holds the request past any deadline. */
  static void answer(HttpExchange exchange) throws IOException {
    asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    if (silent) {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    LocalHttpServer.answer(401, "{\"error\":{\"message\":\"You didn't provide an API key.\"}}",
        "Content-Type", "application/json").handle(exchange);
  }

  static JsonNode provider() {
    return api.get("/api/v1/providers/openai").json();
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(60)); // a hang guard, not a timing assertion
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(giveUp);
      Thread.sleep(100);
    }
  }

  static JsonNode notification(String kind) {
    for (JsonNode n : api.get("/api/v1/notifications").json().path("items")) {
      if (n.path("kind").asString().equals(kind)) {
        return n;
      }
    }
    return null;
  }

  @Test
  void theDeclaredHealthRequestIsSentAndWithoutOneAPlainGetOfTheBaseUrl() throws Exception {
    await("both health requests", () -> asked.contains("GET /gh/meta") && asked.contains("GET /v1"));
    assertThat(asked).noneMatch(request -> request.startsWith("GET /gh") && !request.equals("GET /gh/meta"));
  }

  @Test
  void aProviderThatStopsAnsweringBecomesInactiveAndActiveAgainWhenItReturns() throws Exception {
    assertThat(api.post("/api/v1/credentials", Map.of("provider", "openai", "authMethod", "API_KEY",
        "label", "Work", "fields", Map.of("api_key", "sk-health-000000000001"))).status()).isEqualTo(201);
    Thread.sleep(2_000); // longer than the window: answering with 401 is being reachable
    assertThat(provider().path("status").asString()).isEqualTo("ACTIVE");

    silent = true;
    await("INACTIVE", () -> provider().path("status").asString().equals("INACTIVE"));
    assertThat(provider().path("statusReason").asString()).startsWith("unreachable since");
    JsonNode told = notification("PROVIDER_INACTIVE");
    assertThat(told).isNotNull();
    assertThat(told.path("title").asString()).isEqualTo("OpenAI is unreachable");

    silent = false;
    await("ACTIVE", () -> provider().path("status").asString().equals("ACTIVE"));
    assertThat(provider().path("statusReason").isNull()).isTrue();
    await("operational again", () -> notification("PROVIDER_OPERATIONAL") != null);
    assertThat(notification("PROVIDER_INACTIVE").path("resolvedAt").isString()).as("resolved").isTrue();
  }
}
