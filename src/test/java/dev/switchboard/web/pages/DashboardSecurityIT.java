package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard's browser security and accessibility: a state change without the session's CSRF
 * token fails (from a plain client and from a form on another site), pages carry a strict CSP and
 * trigger no violation, the session cookie is HttpOnly and SameSite, every control has a label and
 * nothing overflows a 375 px screen, and the bootstrap admin changes the one-time password first.
 */
class DashboardSecurityIT {
  private static final List<String> PAGES = List.of("/providers", "/providers/openai", "/providers/jira-cloud",
      "/providers/calculator", "/providers/slack", "/providers/postgresql", "/bundles", "/bundles/looks",
      "/connections", "/executions", "/notifications", "/tokens", "/admin", "/password");
  @TempDir
  static Path dir;
  static TestServer server;
  static Browser browser;
  static LocalHttpServer otherSite;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    admin.post("/api/v1/credentials?verify=true", Map.of("provider", "calculator", "authMethod", "NONE"));
    admin.post("/api/v1/bundles", Map.of("slug", "looks", "name", "Looks", "tools",
        List.of("calculator_add", "openai_list_models")));
    otherSite = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "<!DOCTYPE html><html><body>"
        + "<form method='post' action='" + server.url("/tokens") + "'>"
        + "<input name='name' value='evil-from-afar'><input name='_csrf' value='guessed'>"
        + "<button id='go' type='submit'>Win a prize</button></form></body></html>",
        "Content-Type", "text/html"));
    browser = Browser.start(server);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
    otherSite.close();
  }

  @Test
  void aStateChangeWithoutTheSessionsCsrfTokenFails() {
    browser.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    String cookie = "sb_session=" + browser.cookies().get("sb_session");
    Api plain = new Api(server, null);
    for (String body : List.of("name=forged-no-token", "name=forged-wrong-token&_csrf=not-the-token")) {
      Api.Answer answer = plain.send(plain.builder("/tokens").header("Cookie", cookie)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)));
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.body()).contains("This form was refused");
    }
    // a form on another site: the SameSite cookie stays home and the guessed token is wrong anyway
    browser.open(otherSite.url("/")).submit(By.id("go"));
    assertThat(browser.path()).isEqualTo("/signin");
    browser.open("/tokens");
    assertThat(browser.path()).isEqualTo("/tokens");
    assertThat(browser.source()).doesNotContain("forged-no-token").doesNotContain("forged-wrong-token")
        .doesNotContain("evil-from-afar");
    Api.Answer api = plain.send(plain.builder("/api/v1/tokens").header("Cookie", cookie)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));
    assertThat(api.status()).isEqualTo(403);
  }

  @Test
  void pagesSendAStrictPolicyAndTheSessionCookieIsHttpOnlyAndSameSite() {
    Api plain = new Api(server, null);
    Api.Answer signIn = plain.get("/signin");
    String csp = signIn.raw().headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
    String formCookie = signIn.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("sb_signin=")).findFirst().orElseThrow();
    String token = formCookie.substring("sb_signin=".length(), formCookie.indexOf(';'));
    Api.Answer opened = plain.send(plain.builder("/signin")
        .header("Cookie", "sb_signin=" + token).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&email=" + TestServer.ADMIN_EMAIL
            + "&password=" + TestServer.ADMIN_PASSWORD)));
    assertThat(opened.status()).isEqualTo(303);
    String session = opened.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("sb_session=")).findFirst().orElseThrow();
    assertThat(session).contains("HttpOnly").contains("SameSite=Strict");

    Api.Answer noToken = plain.send(plain.builder("/signin").header("Content-Type",
        "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
            "email=" + TestServer.ADMIN_EMAIL + "&password=" + TestServer.ADMIN_PASSWORD)));
    assertThat(noToken.status()).as("sign-in without the form's token").isEqualTo(403);
  }

  @Test
  void noPolicyViolationsEveryControlLabelledAndNothingOverflowsAt375Pixels() {
    browser.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    browser.size(375, 812);
    browser.console();
    try {
      for (String page : PAGES) {
        browser.open(page);
        browser.waitForLoad();
        assertThat(browser.source()).as(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)")
            .doesNotContainPattern("\\sstyle=\"").doesNotContainPattern("\\son[a-z]+=\"");
        assertThat(browser.script("return typeof htmx")).as("htmx loaded on " + page).isEqualTo("object");
        assertThat(browser.script("return Array.from(document.querySelectorAll("
            + "'input:not([type=hidden]), select, textarea')).filter(e => !(e.labels && e.labels.length)"
            + " && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')).map(e => e.outerHTML)"
            + ".join('\\n')")).as("unlabelled controls on " + page).isEqualTo("");
        assertThat(browser.script("return Array.from(document.querySelectorAll('button, a'))"
            + ".filter(e => !e.textContent.trim() && !e.getAttribute('aria-label')).map(e => e.outerHTML)"
            + ".join('\\n')")).as("buttons and links without text on " + page).isEqualTo("");
        assertThat(browser.script("return Array.from(document.querySelectorAll('body *'))"
            + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
            + " && !e.closest('.table-wrap, .visually-hidden, .skip')).map(e => e.tagName + '.' + e.className)"
            + ".join(', ')")).as("wider than the screen on " + page).isEqualTo("");
        assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
            .as("no sideways scrolling on " + page).isEqualTo(true);
      }
      assertThat(browser.console()).noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused"));
    } finally {
      browser.size(1280, 1000);
    }
  }

  @Test
  void anAdminSetsAProviderStatusAndAddsAUserAndThePagesExplainIt() {
    browser.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    browser.open("/admin");
    new Select(browser.find(By.id("status-stripe"))).selectByValue("DEPRECATED");
    browser.submit(By.cssSelector("tr[data-provider=stripe] button[type=submit]"));
    assertThat(browser.text(By.id("flash"))).contains("Stripe is now Deprecated");
    browser.open("/providers/stripe");
    assertThat(browser.text(By.id("provider-status"))).contains("Deprecated").contains("phased out");
    browser.open("/providers?q=stripe");
    assertThat(browser.text(By.cssSelector("[data-provider=stripe]"))).contains("Deprecated");

    browser.open("/admin");
    new Select(browser.find(By.id("status-stripe"))).selectByValue("INACTIVE");
    browser.submit(By.cssSelector("tr[data-provider=stripe] button[type=submit]"));
    browser.open("/providers/stripe");
    assertThat(browser.text(By.id("provider-status"))).contains("Inactive").contains("credentials are kept");

    browser.open("/admin");
    new Select(browser.find(By.id("status-stripe"))).selectByValue("ACTIVE");
    browser.submit(By.cssSelector("tr[data-provider=stripe] button[type=submit]"));
    browser.open("/providers/stripe");
    assertThat(browser.all(By.id("provider-status"))).isEmpty();

    browser.open("/admin").click(By.xpath("//summary[.//h3[normalize-space(.)='Add a user']]"));
    browser.type(By.id("user-email"), "newcomer@example.com").type(By.id("user-password"), "short");
    browser.submit(By.xpath("//button[normalize-space(.)='Add user']"));
    assertThat(browser.text(By.id("user-password-error"))).contains("at least 10 characters");
    browser.type(By.id("user-password"), "a-long-enough-one");
    browser.submit(By.xpath("//button[normalize-space(.)='Add user']"));
    assertThat(browser.text(By.id("flash"))).contains("Created user newcomer@example.com");
    assertThat(browser.text(By.id("users"))).contains("newcomer@example.com").contains("Must change at next sign-in");
  }

  @Test
  void theFirstSignInWithAOneTimePasswordAsksForANewOneUsingTheKeyboardOnly() {
    Cli.run(server.env(), "user", "create", "--email", "first@example.com", "--password", "initial-password-1");
    String printed = Cli.run(server.env(), "user", "reset-password", "--email", "first@example.com").lastLine();
    String oneTime = printed.substring(printed.lastIndexOf(' ') + 1);

    browser.open("/signin");
    browser.driver().manage().deleteAllCookies();
    browser.open("/providers");
    assertThat(browser.path()).isEqualTo("/signin");
    browser.find(By.id("email")).sendKeys("first@example.com", Keys.TAB, oneTime, Keys.ENTER);
    browser.until(d -> d.getCurrentUrl().contains("/password"));
    assertThat(browser.source()).contains("one-time password");
    browser.open("/bundles");
    assertThat(browser.path()).isEqualTo("/password");

    browser.find(By.id("current")).sendKeys(oneTime, Keys.TAB, "my-own-password-42", Keys.TAB,
        "my-own-password-42", Keys.ENTER);
    browser.until(d -> d.getCurrentUrl().contains("/providers"));
    assertThat(browser.text(By.id("flash"))).contains("Your password is changed");
    browser.submit(By.xpath("//button[normalize-space(.)='Sign out']"));
    assertThat(browser.path()).isEqualTo("/signin");
    assertThat(browser.text(By.id("flash"))).contains("signed out");
  }
}
