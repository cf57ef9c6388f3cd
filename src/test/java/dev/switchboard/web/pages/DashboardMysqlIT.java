package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.MariaDbServer;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * Connecting the MySQL builtin in a real browser to a real MariaDB server started for the test: Create
 * Connection &amp; Test connects and verifies, a wrong password fails with the server's reason and no
 * password on the page, and the verified connection's tools answer over MCP.
 */
class DashboardMysqlIT {
  private static final String PASSWORD = "Browser-reader-pw-9931";
  private static final String WRONG = "Not-the-password-7720";
  @TempDir
  static Path dir;
  static MariaDbServer mariadb;
  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() throws SQLException {
    mariadb = MariaDbServer.start();
    try (Connection c = mariadb.root(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE crm; CREATE TABLE crm.leads (id INT PRIMARY KEY, email VARCHAR(100));"
          + " INSERT INTO crm.leads VALUES (1, 'ada@example.com'), (2, 'bob@example.com');"
          + " CREATE USER 'viewer'@'%' IDENTIFIED BY '" + PASSWORD + "';"
          + " GRANT SELECT, SHOW VIEW ON crm.* TO 'viewer'@'%';");
    }
    server = TestServer.start(dir, Map.of());
    browser = Browser.start(server);
    browser.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (mariadb != null) {
      mariadb.close();
    }
  }

  private static void connect(String label, String password) {
    browser.open("/providers/mysql");
    browser.type(By.id("f-NONE-label"), label);
    browser.type(By.id("f-NONE-host"), "127.0.0.1");
    browser.type(By.id("f-NONE-port"), Integer.toString(mariadb.port()));
    browser.type(By.id("f-NONE-user"), "viewer");
    browser.type(By.id("f-NONE-password"), password);
    browser.type(By.id("f-NONE-database"), "crm");
    browser.type(By.id("f-NONE-sslmode"), "disable");
    browser.submit(By.cssSelector("#method-NONE button[value=true]"));
  }

  @Test
  void aDatabaseIsConnectedVerifiedAndItsToolsAnswerOverMcp() {
    connect("CRM replica", PASSWORD);

    assertThat(browser.text(By.id("flash"))).contains("Credentials verified!");
    String card = browser.text(By.xpath(
        "//li[contains(@class,'credential')][.//h3[starts-with(normalize-space(.),'CRM replica')]]"));
    assertThat(card).contains("Verified");
    assertThat(browser.source()).doesNotContain(PASSWORD);

    String token = Cli.token(server.env(), TestServer.ADMIN_EMAIL);
    Api api = new Api(server, token);
    Api.Answer bundle = api.post("/api/v1/bundles", Map.of("slug", "crm", "name", "CRM",
        "tools", List.of("mysql_list_tables", "mysql_query")));
    assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
    McpCall mcp = new McpCall(server, token, "/mcp/bundle/crm");
    JsonNode tables = mcp.call("mysql_list_tables", Map.of());
    assertThat(tables.path("isError").asBoolean()).as(tables.toString()).isFalse();
    assertThat(tables.toString()).contains("leads");
    JsonNode rows = mcp.call("mysql_query", Map.of("sql", "SELECT email FROM leads ORDER BY id"));
    assertThat(rows.path("isError").asBoolean()).as(rows.toString()).isFalse();
    assertThat(rows.toString()).contains("ada@example.com").contains("bob@example.com").doesNotContain(PASSWORD);
  }

  @Test
  void aWrongPasswordFailsWithTheServersReasonAndNoPasswordIsShown() {
    connect("Mistyped", WRONG);

    assertThat(browser.text(By.id("flash"))).contains("Validation failed for “Mistyped”")
        .contains("Access denied for user 'viewer'");
    assertThat(browser.source()).doesNotContain(WRONG).doesNotContain(PASSWORD);
  }
}
