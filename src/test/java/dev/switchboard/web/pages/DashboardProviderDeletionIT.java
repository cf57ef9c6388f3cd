package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.AcmeApi;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** An administrator deletes an imported provider from the Admin page, after a confirmation page. */
class DashboardProviderDeletionIT {
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
  void deleteAsksForConfirmationThenRemovesTheProviderAndShippedOnesHaveNoDeleteButton() {
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "page-doomed",
        "name", "Page Doomed", "document", AcmeApi.OPENAPI, "baseUrl", "https://acme.example",
        "validationTool", "get_me", "authMethods", List.of(Map.of("type", "BEARER"))));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);

    browser.open("/admin");
    assertThat(browser.all(By.id("delete-github"))).isEmpty();
    browser.submit(By.id("delete-page-doomed"));
    assertThat(browser.path()).isEqualTo("/admin/providers/page-doomed/delete");
    assertThat(browser.text(By.tagName("h1"))).contains("Page Doomed");
    assertThat(admin.get("/api/v1/providers/page-doomed").status()).isEqualTo(200);

    browser.submit(By.id("confirm-delete"));

    assertThat(browser.text(By.id("flash"))).contains("Deleted Page Doomed");
    assertThat(browser.all(By.cssSelector("[data-provider=page-doomed]"))).isEmpty();
    assertThat(admin.get("/api/v1/providers/page-doomed").status()).isEqualTo(404);
  }
}
