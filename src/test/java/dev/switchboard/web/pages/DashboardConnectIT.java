package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Browser;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Connecting providers in a real browser: an API-key provider with Save &amp; Verify against a local
 * upstream, a schema-driven form with a message per field, Create Connection &amp; Test for a no-auth
 * provider, choosing a validation tool and its arguments, and a canary secret that no page shows.
 */
class DashboardConnectIT {
  private static final String CANARY = "sk-CANARY-dashboard-9d41c7e2b8";
  @TempDir
  static Path dir;
  static LocalHttpServer upstream;
  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    upstream = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "{\"data\":[]}",
        "Content-Type", "application/json"));
    server = TestServer.start(dir, Map.of("SWITCHBOARD_PROVIDER_OPENAI_BASE_URL", upstream.url("")));
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
  void apiKeyProviderWithSaveAndVerifyBecomesVerifiedAndConnected() {
    browser.open("/providers").type(By.id("q"), "openai");
    browser.until(d -> d.findElements(By.cssSelector("[data-provider]")).size() == 1);
    browser.submit(By.cssSelector("[data-provider=openai] h3 a"));
    assertThat(browser.path()).isEqualTo("/providers/openai");

    browser.type(By.id("f-API_KEY-label"), "Work");
    browser.type(By.id("f-API_KEY-api_key"), "sk-browser-secret-123456");
    browser.submit(By.cssSelector("#method-API_KEY button[value=true]"));

    assertThat(browser.text(By.id("flash"))).contains("Credentials verified!");
    String card = browser.text(By.xpath("//li[contains(@class,'credential')][.//h3[starts-with(normalize-space(.),'Work')]]"));
    assertThat(card).contains("Verified").contains("Current").contains("Last verified");
    assertThat(browser.text(By.id("connection-state"))).contains("Connected");
    List<LocalHttpServer.Recorded> seen = upstream.requests();
    assertThat(seen.get(seen.size() - 1).header("authorization")).isEqualTo("Bearer sk-browser-secret-123456");

    browser.open("/providers?q=openai");
    assertThat(browser.text(By.cssSelector("[data-provider=openai] .state"))).contains("Connected");
  }

  @Test
  void schemaDrivenFormShowsAMessagePerFieldAndKeepsNoSecret() {
    browser.open("/providers/jira-cloud");
    browser.type(By.id("f-API_KEY-instance_url"), "not-a-url");
    browser.type(By.id("f-API_KEY-email"), "me@acme.test");
    browser.type(By.id("f-API_KEY-api_key"), "jira-typed-secret-0001");
    browser.submit(By.cssSelector("#method-API_KEY button[value=true]"));

    assertThat(browser.text(By.id("f-API_KEY-instance_url-error"))).isNotBlank();
    assertThat(browser.all(By.id("f-API_KEY-email-error"))).isEmpty();
    assertThat(browser.find(By.id("f-API_KEY-instance_url")).getAttribute("value")).isEqualTo("not-a-url");
    assertThat(browser.find(By.id("f-API_KEY-email")).getAttribute("value")).isEqualTo("me@acme.test");
    assertThat(browser.find(By.id("f-API_KEY-api_key")).getAttribute("value")).isEmpty();
    assertThat(browser.source()).doesNotContain("jira-typed-secret-0001");
  }

  @Test
  void noAuthProviderCreateConnectionAndTestThenChooseAToolAndItsArguments() {
    browser.open("/providers/calculator");
    browser.submit(By.xpath("//button[normalize-space(.)='Create Connection & Test']"));
    assertThat(browser.text(By.id("flash"))).contains("Credentials verified!");
    assertThat(browser.text(By.id("connection-state"))).contains("Connected");

    // choose another tool: its arguments come from the tool's input schema
    new Select(browser.find(By.id("v-tool"))).selectByValue("divide");
    browser.until(d -> d.findElement(By.cssSelector("#validation-form input[name=tool]"))
        .getAttribute("value").equals("divide"));
    browser.type(By.id("arg-a"), "1").type(By.id("arg-b"), "0");
    browser.submit(By.cssSelector("#validation-form button[type=submit]"));
    assertThat(browser.text(By.id("flash"))).contains("Validation failed").contains("divide by zero");
    assertThat(browser.text(By.cssSelector("li.credential .verification"))).contains("Error");

    new Select(browser.find(By.id("v-tool"))).selectByValue("divide");
    browser.until(d -> d.findElement(By.cssSelector("#validation-form input[name=tool]"))
        .getAttribute("value").equals("divide"));
    browser.type(By.id("arg-a"), "6").type(By.id("arg-b"), "3");
    browser.submit(By.cssSelector("#validation-form button[type=submit]"));
    assertThat(browser.text(By.id("flash"))).contains("Credentials verified!");
    assertThat(browser.text(By.cssSelector("li.credential .verification"))).contains("Verified");
  }

  @Test
  void onlyVerifiedCredentialsCanBeMadeCurrentAndDisablingTheCurrentOneHandsOver() {
    browser.open("/providers/github");
    browser.type(By.id("f-BEARER-label"), "Unchecked").type(By.id("f-BEARER-token"), "ghp_Unchecked_0000000000");
    browser.submit(By.cssSelector("#method-BEARER button[value=false]"));
    assertThat(browser.text(By.id("flash"))).contains("Saved “Unchecked”");
    assertThat(card("Unchecked")).contains("Unverified").contains("ghp…0000").doesNotContain("Current")
        .doesNotContain("Make current");
    assertThat(browser.text(By.id("connection-state"))).contains("Unverified");

    for (String label : List.of("First", "Second")) {
      browser.open("/providers/openai");
      browser.type(By.id("f-API_KEY-label"), label).type(By.id("f-API_KEY-api_key"), "sk-" + label + "-0000000000");
      browser.submit(By.cssSelector("#method-API_KEY button[value=true]"));
      assertThat(browser.text(By.id("flash"))).contains("Credentials verified!");
    }
    assertThat(card("Second")).as("the last verified one is current").contains("Current");
    assertThat(card("First")).doesNotContain("Current");

    browser.submit(By.xpath(credential("First") + "//button[starts-with(normalize-space(.),'Make current')]"));
    assertThat(browser.text(By.id("flash"))).contains("“First” is now the current credential");
    assertThat(card("First")).contains("Current");
    assertThat(card("Second")).doesNotContain("Current");

    browser.submit(By.xpath(credential("First") + "//button[starts-with(normalize-space(.),'Disable')]"));
    assertThat(browser.text(By.id("flash"))).contains("“First” is disabled");
    assertThat(card("First")).contains("Disabled").doesNotContain("Current");
    assertThat(card("Second")).as("the other verified one took over").contains("Current");
    browser.submit(By.xpath(credential("First") + "//button[starts-with(normalize-space(.),'Enable')]"));
    assertThat(card("First")).doesNotContain("Disabled").doesNotContain("Current");
    assertThat(card("Second")).contains("Current");

    // the validation picker offers read-only tools only: no "Create a chat completion" as a test
    List<String> offered = new Select(browser.find(By.id("v-tool"))).getOptions().stream()
        .map(o -> o.getAttribute("value")).toList();
    assertThat(offered).contains("list_models", "get_model")
        .doesNotContain("create_chat_completion", "create_image", "create_response");
  }

  private static String credential(String label) {
    return "//li[contains(@class,'credential')][.//h3[starts-with(normalize-space(.),'" + label + "')]]";
  }

  private static String card(String label) {
    return browser.text(By.xpath(credential(label)));
  }

  @Test
  void aCanarySecretEnteredInFormsAppearsInNoPage() {
    browser.open("/providers/openai");
    browser.type(By.id("f-API_KEY-label"), "Canary");
    browser.type(By.id("f-API_KEY-api_key"), CANARY);
    browser.submit(By.cssSelector("#method-API_KEY button[value=false]"));
    assertThat(browser.source()).doesNotContain(CANARY);
    String id = browser.find(By.xpath("//li[contains(@class,'credential')][.//h3[starts-with(normalize-space(.),'Canary')]]"))
        .getAttribute("data-credential");

    browser.open("/providers/jira-cloud");
    browser.type(By.id("f-API_KEY-instance_url"), "ftp://nope");
    browser.type(By.id("f-API_KEY-api_key"), CANARY);
    browser.submit(By.cssSelector("#method-API_KEY button[value=true]"));
    assertThat(browser.source()).doesNotContain(CANARY);

    for (String page : List.of("/providers", "/providers/openai", "/providers/openai?credential=" + id,
        "/connections", "/connections/" + id, "/connections/" + id + "/revoke", "/bundles", "/executions",
        "/notifications", "/tokens", "/admin")) {
      browser.open(page);
      assertThat(browser.source()).as(page).doesNotContain(CANARY).doesNotContain("9d41c7e2b8");
    }
  }
}
