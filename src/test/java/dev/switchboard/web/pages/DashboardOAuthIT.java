package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.AcmeApi;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The providers document's OAuth workflows in a real browser, against a real local authorization
 * server: connect with the OAuth popup, then fix an expired token with Re-authorize, after which the
 * bundle using it is Operational again.
 */
class DashboardOAuthIT {
  @TempDir
  static Path dir;
  static MockOAuth2Server authServer;
  static LocalHttpServer upstream;
  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    authServer = new MockOAuth2Server();
    authServer.start(InetAddress.getByName("127.0.0.1"), 0);
    upstream = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "{\"ok\":true}",
        "Content-Type", "application/json"));
    server = TestServer.sqlite(dir);
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "acme", "name", "Acme",
        "document", AcmeApi.OPENAPI, "baseUrl", upstream.url(""), "validationTool", "get_me",
        "authMethods", List.of(Map.of("type", "OAUTH2", "issuer", authServer.issuerUrl("acme").toString(),
            "defaultScopes", List.of("openid", "read"), "pkce", true))));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    admin.post("/api/v1/bundles", Map.of("slug", "acme-ui", "name", "Acme UI", "tools", List.of("acme_get_me")));
    admin.post("/api/v1/bundles/acme-ui/enable", Map.of());
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
    authServer.shutdown();
  }

  /** Clicks an OAuth button and waits until the popup has come back and the page shows Verified. */
  static void authorizeWith(By button) {
    int windows = browser.driver().getWindowHandles().size();
    browser.click(button);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.getWindowHandles().size() == windows
        && !d.findElements(By.cssSelector("li.credential .verification")).isEmpty()
        && d.findElement(By.cssSelector("li.credential .verification")).getText().contains("Verified"));
  }

  @Test
  void connectWithOAuthThenFixAnExpiredTokenWithReauthorize() throws Exception {
    browser.open("/admin#oauth");
    new Select(browser.find(By.id("oauth-provider"))).selectByValue("acme");
    browser.type(By.id("oauth-clientId"), "switchboard");
    browser.type(By.id("oauth-clientSecret"), "browser-client-secret-42");
    browser.submit(By.cssSelector("form[action='/admin/oauth-apps'] button[type=submit]"));
    assertThat(browser.text(By.cssSelector("[data-oauth-app=acme]"))).contains("switchboard").contains("Stored");
    assertThat(browser.source()).doesNotContain("browser-client-secret-42");

    browser.open("/providers/acme");
    authorizeWith(By.id("oauth-connect"));
    assertThat(browser.text(By.cssSelector("li.credential"))).contains("Verified");
    browser.open("/bundles/acme-ui");
    assertThat(browser.text(By.id("readiness"))).contains("Operational");

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("switchboard-test.db"))) {
      c.createStatement().executeUpdate("UPDATE credentials SET verification = 'EXPIRED', "
          + "verification_message = 'refresh failed: invalid_grant' WHERE provider = 'acme'");
    }
    browser.open("/bundles/acme-ui");
    assertThat(browser.text(By.id("readiness"))).contains("Blocked");

    browser.open("/providers/acme");
    assertThat(browser.text(By.cssSelector("li.credential"))).contains("Expired");
    authorizeWith(By.cssSelector("li.credential [data-oauth-start]"));
    browser.open("/bundles/acme-ui");
    assertThat(browser.text(By.id("readiness"))).contains("Operational");
  }
}
