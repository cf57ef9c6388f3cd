package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The parser's warnings about an imported document are shown wherever the import is made: the
 * dashboard's result message (in Chromium), the REST import's answer and the CLI's output.
 */
class DashboardImportWarningsIT {
  private static final String COLOUR = "attribute info.colour is unexpected";
  private static final String FLAVOUR = "attribute paths.'/things'(get).flavour is unexpected";
  @TempDir
  static Path dir;
  static TestServer server;
  static Browser browser;
  static Api admin;
  static String document;

  @BeforeAll
  static void start() throws IOException {
    try (InputStream in = DashboardImportWarningsIT.class.getResourceAsStream("/openapi/with-warnings.json")) {
      document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
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
  void theDashboardShowsTheWarningsAfterTheImport() {
    browser.open("/admin");
    browser.click(By.xpath("//summary[h3[text()='Import an OpenAPI document']]"));
    browser.type(By.id("openapi-slug"), "warned-page");
    browser.type(By.id("openapi-document"), document);
    browser.submit(By.xpath("//form[@action='/admin/providers/openapi']//button[@type='submit']"));

    assertThat(browser.path()).isEqualTo("/providers/warned-page");
    assertThat(browser.text(By.id("flash"))).contains("Imported Warned API with 1 tools.",
        "The document has 2 warnings: ", COLOUR, FLAVOUR);
  }

  @Test
  void theRestImportAnswersTheWarnings() {
    Api.Answer imported = admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "warned-rest",
        "document", document));

    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
    assertThat(imported.json().path("warnings").size()).isEqualTo(2);
    assertThat(imported.json().path("warnings").get(0).asString()).isEqualTo(COLOUR);
    assertThat(imported.json().path("warnings").get(1).asString()).isEqualTo(FLAVOUR);
  }

  @Test
  void theCommandLinePrintsTheWarnings() throws IOException {
    Path file = dir.resolve("warned.json");
    Files.writeString(file, document);

    Cli.Result result = Cli.run(server.env(), "provider", "import", "--openapi", file.toString(),
        "--slug", "warned-cli");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("imported warned-cli", "  warning: " + COLOUR, "  warning: " + FLAVOUR);
  }
}
