package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.AcmeApi;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.ConsentingAuthServer;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Connections &amp; Profiles in a real browser (issue 13 items 5 and 9): a profile card holds a row
 * per bundle it serves, revoking from a row ends every connection of the profile, and a partial
 * OAuth grant — a real authorization server whose consent grants fewer scopes — is shown on the
 * provider page and on the profile's card, next to the requested scopes that include what the
 * person's own bundle needs.
 */
class DashboardConnectionsIT {
  @TempDir
  static Path dir;
  static ConsentingAuthServer consent;
  static LocalHttpServer upstream;
  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() throws UnknownHostException {
    consent = new ConsentingAuthServer();
    consent.server().start(InetAddress.getByName("127.0.0.1"), 0);
    upstream = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "{\"ok\":true}",
        "Content-Type", "application/json"));
    server = TestServer.sqlite(dir);
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "acme", "name", "Acme",
        "document", AcmeApi.OPENAPI, "baseUrl", upstream.url(""), "validationTool", "get_me",
        "authMethods", List.of(Map.of("type", "OAUTH2", "issuer", consent.server().issuerUrl("acme").toString(),
            "defaultScopes", List.of("openid", "read"), "pkce", true))));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(admin.post("/api/v1/admin/oauth-apps/acme", Map.of("clientId", "switchboard",
        "clientSecret", "connections-client-secret")).status()).isEqualTo(200);
    browser = Browser.start(server);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
    upstream.close();
    consent.server().shutdown();
  }

  static Api signedIn(String email) {
    Api api = new Api(server, Cli.userWithToken(server.env(), email));
    browser.signIn(email, "password-of-" + email);
    return api;
  }

  static void bundle(Api api, String slug, String name, String... tools) {
    Api.Answer created = api.post("/api/v1/bundles", Map.of("slug", slug, "name", name, "tools", List.of(tools)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  @Test
  void aProfileCardListsEachBundleItServesAndRevokingOneRowEndsThemAll() {
    Api api = signedIn("grouping@example.com");
    String id = api.post("/api/v1/credentials?verify=true", Map.of("provider", "calculator",
        "authMethod", "NONE", "label", "Shared maths")).json().path("id").asString();
    bundle(api, "adds", "Adds", "calculator_add");
    bundle(api, "times", "Times", "calculator_multiply");

    browser.open("/connections");
    String card = "li[data-profile='" + id + "']";
    assertThat(browser.text(By.cssSelector(card + " h2"))).isEqualTo("Shared maths");
    assertThat(browser.text(By.cssSelector(card + " thead"))).contains("Bundle").contains("Service")
        .contains("Account").contains("Status").contains("Actions");
    List<WebElement> rows = browser.all(By.cssSelector(card + " tr.connection"));
    assertThat(rows).hasSize(2);
    for (WebElement row : rows) {
      assertThat(row.getText()).contains("Calculator — No authentication").contains("Configured")
          .contains("Active").contains("View").contains("Revoke");
    }
    assertThat(browser.text(By.cssSelector(card + " tr[data-bundle=adds]"))).contains("Adds").contains("Operational");
    assertThat(browser.text(By.cssSelector(card + " tr[data-bundle=times]"))).contains("Times");

    browser.submit(By.cssSelector(card + " tr[data-bundle=times] a[href$='/revoke']"));
    assertThat(browser.text(By.cssSelector(".warning-card"))).contains("Adds").contains("Times");
    browser.submit(By.id("confirm-revoke"));
    assertThat(browser.path()).isEqualTo("/connections");
    assertThat(browser.text(By.id("flash"))).contains("Revoked").contains("Adds (now Blocked)")
        .contains("Times (now Blocked)");
    assertThat(browser.all(By.cssSelector(card))).isEmpty();
  }

  @Test
  void aPartialGrantIsShownOnTheProviderPageAndOnTheProfileCard() {
    Api api = signedIn("partial-ui@example.com");
    // the person's own bundle, not enabled, needs write
    bundle(api, "acme-writes", "Acme writes", "acme_get_me", "acme_create_thing");
    browser.open("/providers/acme");
    assertThat(browser.text(By.id("requested-scopes"))).isEqualTo("openid, read, write");

    consent.grantOnly("openid read");
    try {
      int windows = browser.driver().getWindowHandles().size();
      browser.click(By.id("oauth-connect"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.getWindowHandles().size() == windows
          && !d.findElements(By.cssSelector("li.credential .verification")).isEmpty()
          && d.findElement(By.cssSelector("li.credential .verification")).getText().contains("Verified"));
    } finally {
      consent.grantOnly(null);
    }
    assertThat(browser.text(By.cssSelector("li.credential .partial-grant"))).contains("Partial")
        .contains("did not grant write");

    browser.open("/connections");
    String id = api.get("/api/v1/connections").json().path("items").get(0).path("id").asString();
    String card = "li[data-profile='" + id + "']";
    assertThat(browser.text(By.cssSelector(card + " .partial-grant"))).contains("Partial grant")
        .contains("did not grant write");
    assertThat(browser.text(By.cssSelector(card + " tr[data-bundle=acme-writes]"))).contains("Acme writes")
        .contains("Partial").contains("Acme — OAuth 2.0").contains("Active");
  }
}
