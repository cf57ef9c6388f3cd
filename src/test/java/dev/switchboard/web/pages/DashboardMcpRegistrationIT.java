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
 * An administrator registers a remote MCP server on the Admin page with its longest call: a value
 * out of range is refused on the field, a good one is stored with the provider.
 */
class DashboardMcpRegistrationIT {
  @TempDir
  static Path dir;
  static TestServer server;
  static Browser browser;
  static Api admin;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    browser = Browser.start(server);
    browser.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }

  @Test
  void theLongestCallIsCheckedAndStoredWithTheProvider() {
    browser.open("/admin");
    fill("0");
    browser.submit(By.cssSelector("form[action='/admin/providers/mcp'] button[type=submit]"));

    assertThat(browser.text(By.id("mcp-maxCallSeconds-error"))).contains("between 1 and 86400");
    assertThat(admin.get("/api/v1/providers/slowserver").status()).isEqualTo(404);

    fill("1200");
    browser.submit(By.cssSelector("form[action='/admin/providers/mcp'] button[type=submit]"));

    assertThat(browser.text(By.id("flash"))).contains("Registered the MCP server");
    assertThat(browser.text(By.id("longest-call"))).contains("up to 20 min");
    Api.Answer provider = admin.get("/api/v1/providers/slowserver");
    assertThat(provider.status()).as(provider.body()).isEqualTo(200);
    assertThat(provider.json().path("maxCallSeconds").asInt()).isEqualTo(1200);
  }

  private static void fill(String maxCallSeconds) {
    if (!browser.find(By.id("mcp-slug")).isDisplayed()) {
      browser.click(By.xpath("//form[@action='/admin/providers/mcp']/ancestor::details/summary"));
    }
    browser.type(By.id("mcp-slug"), "slowserver");
    browser.type(By.id("mcp-mcpUrl"), "http://127.0.0.1:9/mcp");
    browser.type(By.id("mcp-validationTool"), "echo");
    browser.type(By.id("mcp-maxCallSeconds"), maxCallSeconds);
  }
}
