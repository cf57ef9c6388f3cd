package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Browser;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.SigV4Verifier;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Connecting AWS in a real browser: the access key form (id, secret, optional session token) with
 * Save &amp; Verify against a local STS stand-in that checks each Signature Version 4 as AWS does; a wrong
 * secret is answered with AWS's 403 SignatureDoesNotMatch and the page says the validation failed,
 * showing neither secret.
 */
class DashboardAwsIT {
  private static final String KEY_ID = "AKIDBROWSER00000001";
  private static final String SECRET = "browser/Secret+Access+Key0000000000000001";
  private static final String WRONG = "browser/Wrong+Secret+Key00000000000000002";
  @TempDir
  static Path dir;
  static LocalHttpServer sts;
  static TestServer server;
  static Browser browser;

  @BeforeAll
  static void start() {
    SigV4Verifier verifier = new SigV4Verifier(Map.of(KEY_ID, SECRET));
    sts = LocalHttpServer.start();
    sts.on("/", exchange -> {
      List<LocalHttpServer.Recorded> seen = sts.requests();
      Optional<String> problem = verifier.problem(seen.get(seen.size() - 1), true);
      if (problem.isPresent()) {
        LocalHttpServer.answer(403, "<ErrorResponse><Error><Type>Sender</Type><Code>" + problem.get()
            + "</Code><Message>The request signature we calculated does not match the signature you provided."
            + "</Message></Error><RequestId>7a2e</RequestId></ErrorResponse>", "Content-Type", "text/xml")
            .handle(exchange);
      } else {
        LocalHttpServer.answer(200, "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>"
            + "arn:aws:iam::123456789012:user/reader</Arn><Account>123456789012</Account>"
            + "</GetCallerIdentityResult></GetCallerIdentityResponse>", "Content-Type", "text/xml")
            .handle(exchange);
      }
    });
    server = TestServer.start(dir, Map.of("SWITCHBOARD_PROVIDER_AWS_BASE_URL", sts.url("")));
    browser = Browser.start(server);
    browser.signIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
    sts.close();
  }

  @Test
  void anAccessKeyIsSavedVerifiedBySignedRequestsAndItsSecretIsShownNowhere() {
    browser.open("/providers/aws");
    assertThat(browser.text(By.id("method-AWS_SIGV4"))).contains("AWS access key");
    browser.type(By.id("f-AWS_SIGV4-label"), "Reader key");
    browser.type(By.id("f-AWS_SIGV4-access_key_id"), KEY_ID);
    browser.type(By.id("f-AWS_SIGV4-secret_access_key"), SECRET);
    browser.submit(By.cssSelector("#method-AWS_SIGV4 button[value=true]"));

    assertThat(browser.text(By.id("flash"))).contains("Credentials verified!");
    String card = browser.text(By.xpath(
        "//li[contains(@class,'credential')][.//h3[starts-with(normalize-space(.),'Reader key')]]"));
    assertThat(card).contains("Verified");
    assertThat(browser.text(By.id("connection-state"))).contains("Connected");
    List<LocalHttpServer.Recorded> seen = sts.requests();
    assertThat(seen.get(seen.size() - 1).header("authorization"))
        .startsWith("AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/").doesNotContain(SECRET);
    assertThat(browser.source()).doesNotContain(SECRET);
  }

  @Test
  void aWrongSecretFailsTheValidationWithAwsReasonAndNeitherSecretIsShown() {
    browser.open("/providers/aws");
    browser.type(By.id("f-AWS_SIGV4-label"), "Mistyped key");
    browser.type(By.id("f-AWS_SIGV4-access_key_id"), KEY_ID);
    browser.type(By.id("f-AWS_SIGV4-secret_access_key"), WRONG);
    browser.submit(By.cssSelector("#method-AWS_SIGV4 button[value=true]"));

    assertThat(browser.text(By.id("flash"))).contains("Validation failed for “Mistyped key”")
        .contains("SignatureDoesNotMatch");
    assertThat(browser.source()).doesNotContain(WRONG).doesNotContain(SECRET);
  }
}
