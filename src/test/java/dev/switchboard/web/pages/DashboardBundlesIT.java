package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.Cli;
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
 * Bundles and connections in a real browser: a bundle created on the page serves its tools to an
 * MCP client at the URL the page shows, with a token created on the Access tokens page; revoking a
 * profile on Connections &amp; Profiles takes the connection away from the bundles using it; the
 * owner chooses on the bundle's page which features of its MCP providers it offers.
 */
class DashboardBundlesIT {
  @TempDir
  static Path dir;
  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    browser = Browser.start(server);
  }

  /** A new user signed in in the browser; the answer is an API client with their token. */
  static Api signedIn(String email) {
    Api api = new Api(server, Cli.userWithToken(server.env(), email));
    browser.signIn(email, "password-of-" + email);
    return api;
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }

  @Test
  void aBundleCreatedInTheBrowserServesItsToolsAtTheUrlThePageShows() {
    signedIn("creator@example.com");
    browser.open("/providers/calculator")
        .submit(By.xpath("//button[normalize-space(.)='Create Connection & Test']"));
    assertThat(browser.text(By.id("flash"))).contains("Credentials verified!");

    browser.open("/bundles");
    browser.type(By.id("b-name"), "Maths");
    browser.type(By.id("b-slug"), "maths");
    browser.submit(By.xpath("//button[normalize-space(.)='Create bundle']"));
    assertThat(browser.path()).isEqualTo("/bundles/maths");

    browser.type(By.id("tool-q"), "calculator divide");
    browser.until(d -> d.findElements(By.cssSelector("#tool-choices input[name=tool]")).size() == 1);
    browser.click(By.id("choice-calculator_divide"));
    browser.submit(By.xpath("//button[normalize-space(.)='Add selected tools']"));
    assertThat(browser.text(By.id("flash"))).contains("Added 1 tool");
    assertThat(browser.text(By.cssSelector("tr[data-tool=calculator_divide] .availability"))).contains("Available");
    assertThat(browser.text(By.id("readiness"))).contains("Operational");

    String url = browser.find(By.id("mcp-url")).getAttribute("value");
    assertThat(url).isEqualTo(server.url("/mcp/bundle/maths"));
    assertThat(browser.find(By.id("config-cursor")).getAttribute("value")).contains(url);
    assertThat(browser.find(By.id("config-vscode")).getAttribute("value")).contains(url).contains("\"type\" : \"http\"");
    assertThat(browser.find(By.id("config-claude")).getAttribute("value")).contains("mcp-remote").contains(url);
    // clients that sign in with OAuth get the URL alone, no token header
    assertThat(browser.find(By.id("config-connector")).getAttribute("value")).isEqualTo(url);
    assertThat(browser.find(By.id("config-vscode-oauth")).getAttribute("value")).contains(url)
        .doesNotContain("Authorization");
    assertThat(browser.find(By.id("config-cursor-oauth")).getAttribute("value")).contains(url)
        .doesNotContain("Authorization");

    browser.open("/tokens").type(By.id("token-name"), "Laptop");
    browser.submit(By.xpath("//button[normalize-space(.)='Create token']"));
    String token = browser.find(By.id("issued-token")).getAttribute("value");
    assertThat(token).startsWith("sb_pat_");
    browser.open("/tokens");
    assertThat(browser.source()).doesNotContain(token);

    McpCall client = new McpCall(server, token, url.substring(server.url("").length()));
    assertThat(client.toolNames()).containsExactly("calculator_divide");
    JsonNode result = client.call("calculator_divide", Map.of("a", 10, "b", 4));
    assertThat(result.path("isError").asBoolean()).isFalse();
    assertThat(result.path("content").get(0).path("text").asString()).isEqualTo("2.5");

    browser.open("/bundles/maths").click(By.cssSelector("button[data-copy='#mcp-url']"));
    browser.until(d -> d.findElement(By.cssSelector("button[data-copy='#mcp-url']")).getText().startsWith("Copied")
        || !d.findElement(By.id("live")).getAttribute("textContent").isEmpty());
    new Select(browser.find(By.id("mode-select"))).selectByValue("DYNAMIC");
    browser.submit(By.xpath("//button[normalize-space(.)='Save mode']"));
    assertThat(browser.text(By.id("flash"))).contains("Mode is now Dynamic");
    assertThat(new McpCall(server, token, "/mcp/bundle/maths").toolNames()).contains("search_tools", "call_tool");
    browser.submit(By.xpath("//button[normalize-space(.)='Publish']"));
    assertThat(browser.text(By.id("flash"))).contains("is published");
    assertThat(browser.source()).contains("Published · Dynamic");

    browser.open("/executions");
    new Select(browser.find(By.id("x-bundle"))).selectByValue("maths");
    new Select(browser.find(By.id("x-outcome"))).selectByValue("OK");
    browser.submit(By.xpath("//button[normalize-space(.)='Filter']"));
    List<WebElement> rows = browser.all(By.cssSelector("#executions tbody tr"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getText()).contains("calculator_divide").contains("maths").contains("Tool call");
  }

  @Test
  void theOwnerChoosesTheFeaturesTheBundleOffersOnItsPageAndOthersSeeWhichItOffers() {
    Api api = signedIn("chooser@example.com");
    Api.Answer created = api.post("/api/v1/bundles", Map.of("slug", "featured", "name", "Featured",
        "tools", List.of("calculator_add")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    browser.open("/bundles/featured");
    for (String feature : List.of("resources", "prompts", "logging")) {
      assertThat(browser.find(By.id("feature-" + feature)).isSelected()).as(feature).isTrue();
    }
    browser.click(By.id("feature-prompts")).click(By.id("feature-logging"));
    browser.submit(By.xpath("//button[normalize-space(.)='Save features']"));
    assertThat(browser.text(By.id("flash"))).contains("Features saved");
    assertThat(browser.find(By.id("feature-resources")).isSelected()).isTrue();
    assertThat(browser.find(By.id("feature-prompts")).isSelected()).isFalse();
    assertThat(browser.find(By.id("feature-logging")).isSelected()).isFalse();
    JsonNode features = api.get("/api/v1/bundles/featured").json().path("features");
    assertThat(features.path("resources").asBoolean()).isTrue();
    assertThat(features.path("prompts").asBoolean()).isFalse();
    assertThat(features.path("logging").asBoolean()).isFalse();
    // a second save with everything off keeps the page and the store in step
    browser.click(By.id("feature-resources"));
    browser.submit(By.xpath("//button[normalize-space(.)='Save features']"));
    assertThat(browser.find(By.id("feature-resources")).isSelected()).isFalse();
    assertThat(api.get("/api/v1/bundles/featured").json().path("features").path("resources").asBoolean()).isFalse();
    browser.click(By.id("feature-prompts"));
    browser.submit(By.xpath("//button[normalize-space(.)='Save features']"));
    assertThat(api.post("/api/v1/bundles/featured/publish", Map.of()).status()).isEqualTo(200);

    signedIn("onlooker@example.com");
    browser.open("/bundles/featured");
    assertThat(browser.all(By.id("feature-prompts"))).isEmpty();
    assertThat(browser.text(By.cssSelector("li[data-feature=prompts]"))).isEqualTo("Prompts: offered");
    assertThat(browser.text(By.cssSelector("li[data-feature=resources]"))).isEqualTo("Resources: not offered");
    assertThat(browser.text(By.cssSelector("li[data-feature=logging]"))).isEqualTo("Logging: not offered");
  }

  @Test
  void revokingAProfileTakesTheConnectionAwayFromItsBundles() {
    Api api = signedIn("revoker@example.com");
    JsonNode revocable = api.post("/api/v1/credentials?verify=true", Map.of("provider", "calculator",
        "authMethod", "NONE", "label", "Revocable")).json();
    String id = revocable.path("id").asString();
    Api.Answer created = api.post("/api/v1/bundles", Map.of("slug", "sums", "name", "Sums",
        "tools", List.of("calculator_add", "calculator_subtract")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(api.post("/api/v1/bundles/sums/enable", Map.of()).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/bundles/sums/readiness").json().path("status").asString()).isEqualTo("OPERATIONAL");

    browser.open("/connections");
    String card = browser.text(By.cssSelector("li[data-profile='" + id + "']"));
    assertThat(card).contains("Revocable").contains("Service").contains("Account").contains("Status")
        .contains("Calculator — No authentication").contains("Configured").contains("Active").contains("Sums");

    browser.submit(By.cssSelector("li[data-profile='" + id + "'] a[href='/connections/" + id + "']"));
    assertThat(browser.source()).contains("Bundles using this connection");
    assertThat(browser.text(By.cssSelector(".used-by"))).contains("Sums");

    browser.open("/connections").submit(By.cssSelector("li[data-profile='" + id + "'] a[href$='/revoke']"));
    assertThat(browser.text(By.id("affected"))).contains("lose the connection");
    assertThat(browser.text(By.cssSelector(".warning-card"))).contains("Sums");
    browser.submit(By.id("confirm-revoke"));

    assertThat(browser.path()).isEqualTo("/connections");
    assertThat(browser.text(By.id("flash"))).contains("Revoked").contains("Sums");
    assertThat(browser.all(By.cssSelector("li[data-profile='" + id + "']"))).isEmpty();
    String after = api.get("/api/v1/bundles/sums/readiness").json().path("status").asString();
    assertThat(after).isEqualTo("BLOCKED");
    browser.open("/bundles/sums");
    assertThat(browser.text(By.id("readiness"))).contains("Blocked");
    assertThat(browser.text(By.cssSelector("tr[data-tool=calculator_add]"))).contains("Not available")
        .contains("No credential").contains("Fix it");

    // the bundle was enabled, so its fall raised a notification that links back to it
    assertThat(browser.text(By.cssSelector("a[href='/notifications'] .count"))).startsWith("1");
    browser.open("/notifications");
    assertThat(browser.text(By.cssSelector("li.notification.unread"))).contains("Bundle needs attention: Sums")
        .contains("Fix:");
    browser.submit(By.xpath("//button[starts-with(normalize-space(.),'Mark as read')]"));
    assertThat(browser.all(By.cssSelector("li.notification.unread"))).isEmpty();
    assertThat(browser.all(By.cssSelector("a[href='/notifications'] .count"))).isEmpty();
  }
}
