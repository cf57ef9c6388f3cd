package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.testing.Browser;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Connecting providers whose tokens the gateway gets itself, in a real browser: PayPal's client id and secret
 * (the token from mock-oauth2-server, the secret never on a page) and a Google Cloud service account key pasted
 * as JSON (the RS256 assertion verified with the account's public key by a stand-in of Google's token
 * endpoint).
 */
class DashboardGrantsIT {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String SECRET = "pp-browser-s3cr3t-7f21";
  @TempDir
  static Path dir;
  static MockOAuth2Server authServer;
  static LocalHttpServer upstream;
  static TestServer server;
  static Browser browser;
  static KeyPair serviceAccount;

  @BeforeAll
  static void start() throws Exception {
    authServer = new MockOAuth2Server();
    authServer.start(InetAddress.getByName("127.0.0.1"), 0);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    serviceAccount = generator.generateKeyPair();
    upstream = LocalHttpServer.start()
        .on("/google-token", DashboardGrantsIT::googleTokenEndpoint)
        .on("/", exchange -> {
          boolean presented = exchange.getRequestHeaders().getFirst("Authorization") != null;
          LocalHttpServer.answer(presented ? 200 : 401, presented ? "{\"items\":[],\"projects\":[]}"
              : "{\"message\":\"no auth\"}", "Content-Type", "application/json").handle(exchange);
        });
    server = TestServer.start(dir, Map.of(
        "SWITCHBOARD_PROVIDER_PAYPAL_BASE_URL", upstream.url("/paypal"),
        "SWITCHBOARD_PROVIDER_PAYPAL_AUTH_URL", authServer.baseUrl().toString().replaceAll("/$", "") + "/paypal",
        "SWITCHBOARD_PROVIDER_GOOGLE_CLOUD_BASE_URL", upstream.url("/gcp")));
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

  static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return form;
  }

  static List<RecordedRequest> drain(MockOAuth2Server server) throws InterruptedException {
    List<RecordedRequest> seen = new ArrayList<>();
    while (true) {
      try {
        RecordedRequest r = server.takeRequest(300, TimeUnit.MILLISECONDS);
        if (r == null) {
          return seen;
        }
        seen.add(r);
      } catch (RuntimeException noMore) {
        return seen;
      }
    }
  }

  static LocalHttpServer.Recorded lastUnder(String prefix) {
    List<LocalHttpServer.Recorded> all = upstream.requests().stream()
        .filter(r -> r.pathAndQuery().startsWith(prefix)).toList();
    assertThat(all).as("requests under " + prefix).isNotEmpty();
    return all.get(all.size() - 1);
  }

  /** Google's token endpoint as it checks a JWT bearer grant: the RS256 signature and the claims. */
  static void googleTokenEndpoint(HttpExchange exchange) throws IOException {
    LocalHttpServer.Recorded request = upstream.requests().get(upstream.requests().size() - 1);
    Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
    String[] parts = form.getOrDefault("assertion", "").split("\\.");
    boolean ok = false;
    if ("POST".equals(exchange.getRequestMethod())
        && "urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type")) && parts.length == 3) {
      try {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(serviceAccount.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        ok = rsa.verify(Base64.getUrlDecoder().decode(parts[2]))
            && claims.path("iss").asString().equals("viewer@acme-prod.iam.gserviceaccount.com")
            && claims.path("aud").asString().equals(upstream.url("/google-token"))
            && claims.path("exp").asLong() - claims.path("iat").asLong() <= 3600;
      } catch (GeneralSecurityException | RuntimeException e) {
        ok = false;
      }
    }
    LocalHttpServer.answer(ok ? 200 : 400, ok ? "{\"access_token\":\"ya29.browser\",\"expires_in\":3599,"
        + "\"token_type\":\"Bearer\"}" : "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT\"}",
        "Content-Type", "application/json").handle(exchange);
  }

  @Test
  void payPalClientIdAndSecretBecomeAVerifiedConnectionWithoutTheSecretOnAnyPage() throws Exception {
    drain(authServer);
    browser.open("/providers/paypal");
    assertThat(browser.source()).contains("OAuth 2.0 client credentials");
    browser.type(By.id("f-CLIENT_CREDENTIALS-label"), "Live");
    browser.type(By.id("f-CLIENT_CREDENTIALS-client_id"), "pp-browser-client");
    browser.type(By.id("f-CLIENT_CREDENTIALS-client_secret"), SECRET);
    browser.submit(By.cssSelector("#method-CLIENT_CREDENTIALS button[value=true]"));

    assertThat(browser.text(By.id("flash"))).contains("Credentials verified!");
    assertThat(browser.text(By.id("connection-state"))).contains("Connected");
    assertThat(browser.source()).doesNotContain(SECRET);
    RecordedRequest grant = drain(authServer).stream().filter(r -> r.getPath().endsWith("/paypal/v1/oauth2/token"))
        .findFirst().orElseThrow();
    assertThat(form(grant.getBody().readUtf8())).containsEntry("grant_type", "client_credentials");
    assertThat(grant.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
        .encodeToString(("pp-browser-client:" + SECRET).getBytes(StandardCharsets.UTF_8)));
    LocalHttpServer.Recorded call = lastUnder("/paypal/");
    assertThat(call.pathAndQuery()).isEqualTo("/paypal/v1/catalogs/products?page_size=1");
    assertThat(call.header("Authorization")).startsWith("Bearer ey");
  }

  @Test
  void aPastedServiceAccountKeyBecomesAVerifiedConnectionWithoutTheKeyOnAnyPage() {
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(serviceAccount.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    ObjectNode key = JSON.createObjectNode();
    key.put("type", "service_account");
    key.put("project_id", "acme-prod");
    key.put("private_key_id", "kid-browser");
    key.put("private_key", pem);
    key.put("client_email", "viewer@acme-prod.iam.gserviceaccount.com");
    key.put("token_uri", upstream.url("/google-token"));

    browser.open("/providers/google-cloud");
    assertThat(browser.source()).contains("Service account key");
    // a pasted key loses its line breaks in a one-line field; JSON does not mind, the PEM's are escaped
    browser.type(By.id("f-JWT_GRANT-service_account"), key.toString());
    browser.submit(By.cssSelector("#method-JWT_GRANT button[value=true]"));

    assertThat(browser.text(By.id("flash"))).contains("Credentials verified!");
    assertThat(browser.text(By.id("connection-state"))).contains("Connected");
    String keyBase64 = Base64.getEncoder().encodeToString(serviceAccount.getPrivate().getEncoded()).substring(0, 40);
    assertThat(browser.source()).doesNotContain(keyBase64).doesNotContain("PRIVATE KEY");
    LocalHttpServer.Recorded call = lastUnder("/gcp/");
    assertThat(call.pathAndQuery()).isEqualTo("/gcp/v3/projects:search?pageSize=1");
    assertThat(call.header("Authorization")).isEqualTo("Bearer ya29.browser");
  }

  @Test
  void aClientCredentialsConnectionWithoutItsSecretIsNotSavedAndTheFieldSaysWhy() {
    // ServiceNow's schema is shared with Basic, so client_secret is optional there; the grant needs it
    browser.open("/providers/servicenow").click(By.cssSelector("#method-CLIENT_CREDENTIALS > summary"));
    browser.type(By.id("f-CLIENT_CREDENTIALS-instance"), "dev12345");
    browser.type(By.id("f-CLIENT_CREDENTIALS-client_id"), "sn-browser-client");
    browser.submit(By.cssSelector("#method-CLIENT_CREDENTIALS button[value=true]"));

    assertThat(browser.text(By.id("f-CLIENT_CREDENTIALS-client_secret-error")))
        .containsIgnoringCase("is required for CLIENT_CREDENTIALS");
    assertThat(browser.source()).contains("Nothing was saved");
    browser.open("/providers/servicenow");
    assertThat(browser.source()).doesNotContain("sn-browser-client");
  }
}
