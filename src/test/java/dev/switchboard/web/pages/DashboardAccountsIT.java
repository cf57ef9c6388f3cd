package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * In a real browser: an admin disables, enables and deletes a user from the Admin users table (and
 * cannot act on their own row); a person changing their password can also revoke their tokens.
 */
class DashboardAccountsIT {
  @TempDir
  static Path dir;
  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    browser = Browser.start(server);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }

  static By row(String email) {
    return By.cssSelector("tr[data-user='" + email + "']");
  }

  static By action(String email, String action) {
    return By.cssSelector("tr[data-user='" + email + "'] button[data-action=" + action + "]");
  }

  @Test
  void anAdminDisablesEnablesAndDeletesAUserFromTheUsersTable() {
    String email = "temp@example.com";
    Api token = new Api(server, Cli.userWithToken(server.env(), email));
    assertThat(token.get("/api/v1/tokens").status()).isEqualTo(200);
    browser.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    browser.open("/admin");
    assertThat(browser.text(row(TestServer.ADMIN_EMAIL))).contains("You");
    assertThat(browser.all(By.cssSelector("tr[data-user='" + TestServer.ADMIN_EMAIL + "'] button"))).isEmpty();

    browser.submit(action(email, "disable"));
    assertThat(browser.text(By.id("flash"))).contains("Disabled " + email);
    assertThat(browser.text(row(email))).contains("Disabled");
    assertThat(token.get("/api/v1/tokens").status()).isEqualTo(401);

    browser.submit(action(email, "enable"));
    assertThat(browser.text(By.id("flash"))).contains("Enabled " + email);
    assertThat(browser.text(row(email))).contains("Active");

    browser.submit(action(email, "delete"));
    assertThat(browser.text(By.id("flash"))).contains("Tick the box");
    assertThat(browser.all(row(email))).hasSize(1);
    browser.click(By.cssSelector("tr[data-user='" + email + "'] input[name=confirm]"));
    browser.submit(action(email, "delete"));
    assertThat(browser.text(By.id("flash"))).contains("Deleted " + email);
    assertThat(browser.all(row(email))).isEmpty();
  }

  @Test
  void changingThePasswordWithTheBoxTickedRevokesTheAccessTokens() {
    String email = "rotating@example.com";
    Api token = new Api(server, Cli.userWithToken(server.env(), email));
    browser.signIn(email, "password-of-" + email);
    browser.open("/password");
    browser.type(By.id("current"), "password-of-" + email).type(By.id("password"), "a-brand-new-password")
        .type(By.id("confirm"), "a-brand-new-password").click(By.id("revoke-tokens"));
    browser.submit(By.xpath("//button[normalize-space(.)='Change password']"));
    assertThat(browser.text(By.id("flash"))).contains("access tokens are revoked");
    assertThat(token.get("/api/v1/tokens").status()).isEqualTo(401);
    browser.open("/tokens");
    assertThat(browser.path()).as("this session stays").isEqualTo("/tokens");
  }
}
