package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * In a real browser: an AI client sends the person to the authorization endpoint; they sign in,
 * see which client asks for which bundle and its tools, approve, and land on the client's redirect
 * URI with a code. The Connected apps page lists the grant and disconnects it, and its token stops
 * working at once.
 */
class DashboardConnectedAppsIT {
  private static final String EMAIL = "consent@example.com";
  private static final String VERIFIER = "browser-verifier-0123456789-0123456789-0123456789";
  @TempDir
  static Path dir;
  static TestServer server;
  static Browser browser;
  static LocalHttpServer client;
  static String pat;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    pat = Cli.userWithToken(server.env(), EMAIL);
    Api api = new Api(server, pat);
    assertThat(api.post("/api/v1/credentials?verify=true", Map.of("provider", "calculator", "authMethod", "NONE",
        "label", "Calculator", "fields", Map.of())).status()).isEqualTo(201);
    assertThat(api.post("/api/v1/bundles", Map.of("slug", "maths", "name", "Maths",
        "tools", List.of("calculator_add"))).status()).isEqualTo(201);
    client = LocalHttpServer.start().on("/callback", LocalHttpServer.answer(200, "<p id=done>done</p>",
        "Content-Type", "text/html"));
    browser = Browser.start(server);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    client.close();
    server.close();
  }

  @Test
  void aPersonSignsInApprovesThenDisconnectsTheAppOnConnectedApps() throws Exception {
    Api anonymous = new Api(server, null);
    String redirect = client.url("/callback");
    Api.Answer registered = anonymous.post("/oauth/register", Map.of("client_name", "Browser test client",
        "redirect_uris", List.of(redirect)));
    assertThat(registered.status()).isEqualTo(201);
    String clientId = registered.json().path("client_id").asString();
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", clientId);
    p.put("redirect_uri", redirect);
    p.put("code_challenge", Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII))));
    p.put("code_challenge_method", "S256");
    p.put("resource", server.url("/mcp/bundle/maths"));
    p.put("state", "browser-state");

    browser.open("/signin");
    browser.driver().manage().deleteAllCookies();
    browser.open("/oauth/authorize?" + form(p));
    assertThat(browser.path()).isEqualTo("/signin");
    browser.type(By.id("email"), EMAIL).type(By.id("password"), "password-of-" + EMAIL)
        .submit(By.cssSelector("form[action='/signin'] button[type=submit]"));

    assertThat(browser.path()).isEqualTo("/oauth/authorize");
    assertThat(browser.text(By.id("consent-client"))).isEqualTo("Browser test client");
    assertThat(browser.text(By.id("consent-host"))).isEqualTo("http://127.0.0.1");
    assertThat(browser.text(By.id("consent-identity"))).startsWith("Not verified");
    assertThat(browser.text(By.id("consent-target"))).contains("Maths");
    assertThat(browser.text(By.id("consent-tools"))).contains("calculator_add");
    browser.submit(By.id("consent-approve"));

    browser.find(By.id("done"));
    URI landed = URI.create(browser.driver().getCurrentUrl());
    assertThat(landed.getPath()).isEqualTo("/callback");
    Map<String, String> answer = query(landed.getRawQuery());
    assertThat(answer).containsEntry("state", "browser-state").containsKey("code");
    Api.Answer tokens = anonymous.send(anonymous.builder("/oauth/token")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
            "client_id", clientId, "code", answer.get("code"), "redirect_uri", redirect, "code_verifier", VERIFIER)))));
    assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    String access = tokens.json().path("access_token").asString();
    assertThat(mcp(access)).isEqualTo(200);

    browser.open("/connected-apps");
    assertThat(browser.text(By.id("apps"))).contains("Browser test client").contains("/mcp/bundle/maths");
    browser.submit(By.cssSelector("#apps button.danger"));

    assertThat(browser.text(By.id("flash"))).contains("Disconnected “Browser test client”");
    assertThat(browser.text(By.id("apps"))).contains("Disconnected");
    assertThat(mcp(access)).isEqualTo(401);
    assertThat(mcp(pat)).isEqualTo(200);
  }

  private static int mcp(String token) {
    Api api = new Api(server, token);
    return api.send(api.builder("/mcp/bundle/maths").header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
            + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"browser-it\",\"version\":\"1\"}}}"))).status();
  }

  private static String form(Map<String, String> p) {
    StringBuilder out = new StringBuilder();
    p.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
