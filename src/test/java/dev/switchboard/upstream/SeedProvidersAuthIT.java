package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequestHandler;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The providers the seeds name reach a local stand-in of their API in the right shape, through the shipped
 * catalog entries with only their URLs overridden ({@code SWITCHBOARD_PROVIDER_<SLUG>_BASE_URL} and
 * {@code …_AUTH_URL}, placeholders kept): the real token exchange against mock-oauth2-server (client
 * credentials, authorization code) or against a stand-in that checks the grant as the real endpoint does (the
 * RFC 7523 assertion's RS256 signature verified with the service account's public key, its claims checked),
 * the templated URL really used, and the catalog's validation tool called by verification.
 */
class SeedProvidersAuthIT {
  static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir
  static Path dir;
  static MockOAuth2Server authServer;
  static MockOAuth2Server salesforceAuth;
  static LocalHttpServer upstream;
  static TestServer server;
  static Api api;
  static Api admin;
  static KeyPair serviceAccount;
  static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  static final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    logs.setContext(context);
    logs.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logs);
    authServer = new MockOAuth2Server();
    authServer.start(InetAddress.getByName("127.0.0.1"), 0);
    salesforceAuth = salesforceLike();
    salesforceAuth.start(InetAddress.getByName("127.0.0.1"), 0);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    serviceAccount = generator.generateKeyPair();
    upstream = LocalHttpServer.start()
        .on("/google-token", SeedProvidersAuthIT::googleTokenEndpoint)
        .on("/ga-auth/", SeedProvidersAuthIT::googleTokenEndpoint)
        .on("/sn-auth/", SeedProvidersAuthIT::serviceNowTokenEndpoint)
        .on("/", exchange -> {
          String auth = exchange.getRequestHeaders().getFirst("Authorization");
          String token = exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN");
          String apiToken = exchange.getRequestHeaders().getFirst("Api-Token");
          boolean presented = auth != null || token != null || apiToken != null;
          // ServiceNow instances whose first token was revoked after it was issued (rotated) or that reject all (revoked)
          if ("Bearer sn-rotated-1".equals(auth) || auth != null && auth.startsWith("Bearer sn-revoked-")) {
            presented = false;
          }
          LocalHttpServer.answer(presented ? 200 : 401, presented ? "{\"ok\":true}" : "{\"message\":\"no auth\"}",
              "Content-Type", "application/json").handle(exchange);
        });
    String auth = authServer.baseUrl().toString().replaceAll("/$", "");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SWITCHBOARD_PROVIDER_PAYPAL_BASE_URL", upstream.url("/paypal"));
    env.put("SWITCHBOARD_PROVIDER_PAYPAL_AUTH_URL", auth + "/paypal");
    env.put("SWITCHBOARD_PROVIDER_AZURE_BASE_URL", upstream.url("/azure"));
    env.put("SWITCHBOARD_PROVIDER_AZURE_AUTH_URL", auth);
    env.put("SWITCHBOARD_PROVIDER_GOOGLE_CLOUD_BASE_URL", upstream.url("/gcp"));
    env.put("SWITCHBOARD_PROVIDER_GOOGLE_ANALYTICS_BASE_URL", upstream.url("/ga"));
    env.put("SWITCHBOARD_PROVIDER_GOOGLE_ANALYTICS_AUTH_URL", upstream.url("/ga-auth"));
    env.put("SWITCHBOARD_PROVIDER_SERVICENOW_BASE_URL", upstream.url("/sn/{instance}"));
    env.put("SWITCHBOARD_PROVIDER_SERVICENOW_AUTH_URL", upstream.url("/sn-auth/{instance}"));
    env.put("SWITCHBOARD_PROVIDER_MAILCHIMP_BASE_URL", upstream.url("/mc/{dc}/3.0"));
    env.put("SWITCHBOARD_PROVIDER_MICROSOFT_TEAMS_BASE_URL", upstream.url("/teams"));
    env.put("SWITCHBOARD_PROVIDER_MICROSOFT_TEAMS_AUTH_URL", auth);
    env.put("SWITCHBOARD_PROVIDER_MICROSOFT_365_BASE_URL", upstream.url("/m365"));
    env.put("SWITCHBOARD_PROVIDER_MICROSOFT_365_AUTH_URL", auth);
    env.put("SWITCHBOARD_PROVIDER_SALESFORCE_AUTH_URL", salesforceAuth.baseUrl().toString().replaceAll("/$", ""));
    server = TestServer.start(dir, env);
    api = new Api(server, Cli.userWithToken(server.env(), "seeds@example.com"));
    admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
  }

  @AfterAll
  static void stop() {
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME)
        .detachAppender(logs);
    server.close();
    upstream.close();
    authServer.shutdown();
    salesforceAuth.shutdown();
  }

  /** mock-oauth2-server whose token answers carry {@code instance_url}, as Salesforce's do. */
  static MockOAuth2Server salesforceLike() {
    OAuth2Config config = new OAuth2Config();
    OAuth2HttpRequestHandler handler = new OAuth2HttpRequestHandler(config);
    Route real = handler.getAuthorizationServer();
    Route withInstance = new Route() {
      @Override
      public boolean match(OAuth2HttpRequest request) {
        return real.match(request);
      }

      @Override
      public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        OAuth2HttpResponse answer = real.invoke(request);
        if (answer.getStatus() != 200 || !request.getUrl().encodedPath().endsWith("/token")) {
          return answer;
        }
        ObjectNode body = (ObjectNode) JSON.readTree(answer.getBody());
        body.put("instance_url", upstream.url("/sf-instance"));
        return new OAuth2HttpResponse(answer.getHeaders().newBuilder().removeAll("Content-Length").build(),
            answer.getStatus(), body.toString(), null);
      }
    };
    return new MockOAuth2Server(config, withInstance);
  }

  static JsonNode createAndVerify(String provider, String method, Map<String, Object> fields) {
    Api.Answer a = api.post("/api/v1/credentials?verify=true",
        Map.of("provider", provider, "authMethod", method, "fields", fields));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    assertThat(a.json().path("verification").asString()).as(a.body()).isEqualTo("VERIFIED");
    assertThat(a.body()).doesNotContain("s3cr3t");
    return a.json();
  }

  static List<LocalHttpServer.Recorded> under(String prefix) {
    return upstream.requests().stream().filter(r -> r.pathAndQuery().startsWith(prefix)).toList();
  }

  static LocalHttpServer.Recorded lastUnder(String prefix) {
    List<LocalHttpServer.Recorded> all = under(prefix);
    assertThat(all).as("requests under " + prefix).isNotEmpty();
    return all.get(all.size() - 1);
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

  static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return form;
  }

  static JsonNode jwtPart(String jwt, int part) {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]));
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  // --- client credentials (RFC 6749 §4.4) against mock-oauth2-server -----------------------------------

  @Test
  void payPalGetsItsTokenWithClientCredentialsSentAsBasicAndCachesIt() throws Exception {
    drain(authServer);
    createAndVerify("paypal", "CLIENT_CREDENTIALS", Map.of("client_id", "pp-client", "client_secret", "pp-s3cr3t"));

    LocalHttpServer.Recorded call = lastUnder("/paypal/");
    assertThat(call.method()).isEqualTo("GET");
    assertThat(call.pathAndQuery()).isEqualTo("/paypal/v1/catalogs/products?page_size=1");
    String token = call.header("Authorization").substring("Bearer ".length());
    assertThat(jwtPart(token, 1).path("iss").asString()).endsWith("/paypal/v1/oauth2");
    List<RecordedRequest> tokenRequests = drain(authServer).stream()
        .filter(r -> r.getPath().endsWith("/paypal/v1/oauth2/token")).toList();
    assertThat(tokenRequests).hasSize(1);
    RecordedRequest grant = tokenRequests.get(0);
    assertThat(grant.getMethod()).isEqualTo("POST");
    assertThat(grant.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(grant.getHeader("Authorization")).isEqualTo(basic("pp-client", "pp-s3cr3t"));
    Map<String, String> form = form(grant.getBody().readUtf8());
    assertThat(form).containsEntry("grant_type", "client_credentials").doesNotContainKey("client_secret");

    // verifying again reuses the cached token: no second token request
    String id = api.get("/api/v1/credentials?provider=paypal").json().path("items").get(0).path("id").asString();
    Api.Answer again = api.post("/api/v1/credentials/" + id + "/verify", Map.of());
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(drain(authServer)).noneMatch(r -> r.getPath().endsWith("/token"));
    assertThat(lastUnder("/paypal/").header("Authorization")).isEqualTo("Bearer " + token);
  }

  @Test
  void azureAsksItsTenantsTokenEndpointWithTheSecretInTheBodyAndTheArmScope() throws Exception {
    drain(authServer);
    createAndVerify("azure", "CLIENT_CREDENTIALS", Map.of("tenant", "contoso.onmicrosoft.com",
        "client_id", "az-app", "client_secret", "az-s3cr3t"));

    LocalHttpServer.Recorded call = lastUnder("/azure/");
    assertThat(call.pathAndQuery()).isEqualTo("/azure/subscriptions?api-version=2022-12-01");
    RecordedRequest grant = drain(authServer).stream().filter(r -> r.getPath().endsWith("/token"))
        .findFirst().orElseThrow();
    // the tenant filled into https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token
    assertThat(grant.getPath()).isEqualTo("/contoso.onmicrosoft.com/oauth2/v2.0/token");
    assertThat(grant.getHeader("Authorization")).isNull();
    assertThat(form(grant.getBody().readUtf8())).containsEntry("grant_type", "client_credentials")
        .containsEntry("client_id", "az-app").containsEntry("client_secret", "az-s3cr3t")
        .containsEntry("scope", "https://management.azure.com/.default");
    String token = call.header("Authorization").substring("Bearer ".length());
    assertThat(jwtPart(token, 1).path("iss").asString()).endsWith("/contoso.onmicrosoft.com/oauth2/v2.0");
  }

  @Test
  void aTenantThatCouldChangeTheUrlIsRefusedBeforeAnyRequest() {
    int before = upstream.requests().size();
    Api.Answer a = api.post("/api/v1/credentials?verify=true", Map.of("provider", "azure",
        "authMethod", "CLIENT_CREDENTIALS", "fields", Map.of("tenant", "evil.example/x?y#z@", "client_id", "a",
            "client_secret", "b-s3cr3t")));
    assertThat(a.status()).as(a.body()).isEqualTo(400);
    assertThat(a.body()).contains("tenant").doesNotContain("evil.example");
    assertThat(upstream.requests()).hasSize(before);
  }

  @Test
  void noClientSecretNorPrivateKeyReachesALogLineTheOutputOrTheDatabaseFile() throws Exception {
    String secret = "pp-canary-s3cr3t-51c9e0";
    createAndVerify("paypal", "CLIENT_CREDENTIALS", Map.of("client_id", "pp-canary", "client_secret", secret));
    createAndVerify("google-cloud", "JWT_GRANT", Map.of("service_account", serviceAccountKey()));
    String key = Base64.getEncoder().encodeToString(serviceAccount.getPrivate().getEncoded()).substring(0, 40);

    assertThat(server.printed()).doesNotContain(secret).doesNotContain(key);
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : List.copyOf(logs.list)) {
      if (event.getLoggerName().startsWith("no.nav") || event.getLoggerName().startsWith("mockwebserver")) {
        continue; // the stand-in authorization server logs what it receives; it is not the gateway
      }
      String line = event.getFormattedMessage() + event.getMDCPropertyMap()
          + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(line).doesNotContain(secret).doesNotContain(key).doesNotContain("PRIVATE KEY");
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(content).as(file.toString()).doesNotContain(secret).doesNotContain(key)
            .doesNotContain("PRIVATE KEY");
      }
    }
  }

  // --- service account JWT grant (RFC 7523) against a stand-in that verifies it as Google does ----------

  static String serviceAccountKey() {
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(serviceAccount.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    ObjectNode key = JSON.createObjectNode();
    key.put("type", "service_account");
    key.put("project_id", "acme-prod");
    key.put("private_key_id", "kid-123");
    key.put("private_key", pem);
    key.put("client_email", "reader@acme-prod.iam.gserviceaccount.com");
    key.put("token_uri", upstream.url("/google-token"));
    return key.toString();
  }

  /**
   * Google's token endpoint as it checks a JWT bearer grant: a form POST with the grant type and an assertion
   * signed RS256 by the account's key, whose iss is the account, aud the token endpoint, and exp one hour after
   * iat at most; a scope claim names what the token is for.
   */
  static void googleTokenEndpoint(HttpExchange exchange) throws IOException {
    LocalHttpServer.Recorded request = upstream.requests().get(upstream.requests().size() - 1);
    String problem = null;
    Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
    String assertion = form.getOrDefault("assertion", "");
    String[] parts = assertion.split("\\.");
    if (!"POST".equals(exchange.getRequestMethod())
        || !String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
            .startsWith("application/x-www-form-urlencoded")) {
      problem = "not a form POST";
    } else if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type")) || parts.length != 3) {
      problem = "not a JWT bearer grant";
    } else {
      try {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(serviceAccount.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        JsonNode header = jwtPart(assertion, 0);
        JsonNode claims = jwtPart(assertion, 1);
        long now = Instant.now().getEpochSecond();
        if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
          problem = "bad signature";
        } else if (!header.path("alg").asString().equals("RS256") || !header.path("kid").asString().equals("kid-123")) {
          problem = "bad header";
        } else if (!claims.path("iss").asString().equals("reader@acme-prod.iam.gserviceaccount.com")
            || !claims.path("aud").asString().equals(upstream.url(exchange.getRequestURI().getPath()))
            || claims.path("scope").asString().isEmpty()
            || claims.path("exp").asLong() - claims.path("iat").asLong() > 3600
            || Math.abs(claims.path("iat").asLong() - now) > 300) {
          problem = "bad claims " + claims;
        }
      } catch (GeneralSecurityException | RuntimeException e) {
        problem = e.toString();
      }
    }
    if (problem != null) {
      LocalHttpServer.answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + problem + "\"}",
          "Content-Type", "application/json").handle(exchange);
      return;
    }
    String scope = jwtPart(assertion, 1).path("scope").asString();
    LocalHttpServer.answer(200, "{\"access_token\":\"ya29." + scope.hashCode() + "\",\"expires_in\":3599,"
        + "\"token_type\":\"Bearer\"}", "Content-Type", "application/json").handle(exchange);
  }

  @Test
  void googleCloudSignsAJwtWithTheServiceAccountKeyAndCallsWithTheTokenItGets() {
    createAndVerify("google-cloud", "JWT_GRANT", Map.of("service_account", serviceAccountKey()));

    LocalHttpServer.Recorded call = lastUnder("/gcp/");
    assertThat(call.pathAndQuery()).isEqualTo("/gcp/v3/projects:search?pageSize=1");
    assertThat(call.header("Authorization")).startsWith("Bearer ya29.");
    LocalHttpServer.Recorded grant = lastUnder("/google-token");
    JsonNode claims = jwtPart(form(new String(grant.body(), StandardCharsets.UTF_8)).get("assertion"), 1);
    assertThat(claims.path("scope").asString()).isEqualTo("https://www.googleapis.com/auth/cloud-platform.read-only");
    // the private key travels nowhere: not in the grant, not in the call
    String keyBase64 = Base64.getEncoder().encodeToString(serviceAccount.getPrivate().getEncoded()).substring(0, 40);
    assertThat(new String(grant.body(), StandardCharsets.UTF_8)).doesNotContain(keyBase64);
    assertThat(call.headers().toString()).doesNotContain(keyBase64);
  }

  @Test
  void googleAnalyticsWithAServiceAccountRunsItsMetadataValidationWithTheAnalyticsScope() {
    int atKeysTokenUri = under("/google-token").size();
    createAndVerify("google-analytics", "JWT_GRANT", Map.of("service_account", serviceAccountKey()));

    LocalHttpServer.Recorded call = lastUnder("/ga/");
    assertThat(call.pathAndQuery()).isEqualTo("/ga/v1beta/properties/0/metadata");
    // the installation's SWITCHBOARD_PROVIDER_GOOGLE_ANALYTICS_AUTH_URL wins over the key's token_uri
    assertThat(under("/google-token")).hasSize(atKeysTokenUri);
    LocalHttpServer.Recorded grant = lastUnder("/ga-auth/");
    assertThat(grant.pathAndQuery()).isEqualTo("/ga-auth/token");
    assertThat(jwtPart(form(new String(grant.body(), StandardCharsets.UTF_8)).get("assertion"), 1)
        .path("scope").asString()).isEqualTo("https://www.googleapis.com/auth/analytics.readonly");
  }

  @Test
  void aServiceAccountKeyThatIsNotOneRejectsTheCredentialWithoutEchoingIt() {
    Api.Answer a = api.post("/api/v1/credentials?verify=true", Map.of("provider", "google-cloud",
        "authMethod", "JWT_GRANT", "fields", Map.of("service_account",
            "{\"client_email\":\"x@y\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nnots3cr3t\\n-----END PRIVATE KEY-----\"}")));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    assertThat(a.json().path("verification").asString()).isEqualTo("ERROR");
    assertThat(a.body()).contains("PKCS #8").doesNotContain("nots3cr3t");
  }

  @Test
  void aServiceAccountKeyWhoseTokenUriIsNotAnHttpUrlRejectsTheCredentialWithoutEchoingIt() {
    ObjectNode key = (ObjectNode) JSON.readTree(serviceAccountKey());
    key.put("token_uri", "ht tp://bad host/s3cr3t-path");
    int before = upstream.requests().size();
    Api.Answer a = api.post("/api/v1/credentials?verify=true", Map.of("provider", "google-cloud",
        "authMethod", "JWT_GRANT", "fields", Map.of("service_account", key.toString())));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    assertThat(a.json().path("verification").asString()).as(a.body()).isEqualTo("ERROR");
    assertThat(a.body()).contains("token_uri is not an http(s) URL").doesNotContain("s3cr3t").doesNotContain("bad host");
    assertThat(upstream.requests()).hasSize(before); // no request at all

    key.put("token_uri", "ftp://127.0.0.1/token");
    Api.Answer ftp = api.post("/api/v1/credentials?verify=true", Map.of("provider", "google-cloud",
        "authMethod", "JWT_GRANT", "fields", Map.of("service_account", key.toString())));
    assertThat(ftp.json().path("verification").asString()).as(ftp.body()).isEqualTo("ERROR");
    assertThat(ftp.body()).contains("token_uri is not an http(s) URL").doesNotContain("ftp://");
  }

  // --- URL templates -------------------------------------------------------------------------------

  static void serviceNowTokenEndpoint(HttpExchange exchange) throws IOException {
    LocalHttpServer.Recorded request = upstream.requests().get(upstream.requests().size() - 1);
    Map<String, String> form = form(new String(request.body(), StandardCharsets.UTF_8));
    String rotating = exchange.getRequestURI().getPath().replaceAll("^/sn-auth/([a-z]+)/oauth_token\\.do$", "$1");
    if (rotating.equals("rotated") || rotating.equals("revoked")) { // a new token per request
      LocalHttpServer.answer(200, "{\"access_token\":\"sn-" + rotating + "-" + under("/sn-auth/" + rotating + "/").size()
          + "\",\"expires_in\":1799,\"token_type\":\"Bearer\"}", "Content-Type", "application/json").handle(exchange);
      return;
    }
    boolean ok = "POST".equals(exchange.getRequestMethod())
        && exchange.getRequestURI().getPath().equals("/sn-auth/dev12345/oauth_token.do")
        && "client_credentials".equals(form.get("grant_type")) && "sn-client".equals(form.get("client_id"))
        && "sn-s3cr3t".equals(form.get("client_secret"));
    LocalHttpServer.answer(ok ? 200 : 401, ok ? "{\"access_token\":\"sn-token\",\"expires_in\":1799,"
        + "\"token_type\":\"Bearer\",\"scope\":\"useraccount\"}" : "{\"error\":\"access_denied\"}",
        "Content-Type", "application/json").handle(exchange);
  }

  @Test
  void serviceNowPutsTheInstanceIntoItsUrlForBasicAndClientCredentials() {
    createAndVerify("servicenow", "API_KEY", Map.of("instance", "dev12345", "username", "admin",
        "api_key", "sn-pw-s3cr3t"));
    LocalHttpServer.Recorded basic = lastUnder("/sn/");
    assertThat(basic.pathAndQuery()).startsWith("/sn/dev12345/api/now/table/sys_user?")
        .contains("sysparm_limit=1");
    assertThat(basic.header("Authorization")).isEqualTo(basic("admin", "sn-pw-s3cr3t"));

    createAndVerify("servicenow", "CLIENT_CREDENTIALS", Map.of("instance", "dev12345", "client_id", "sn-client",
        "client_secret", "sn-s3cr3t"));
    assertThat(lastUnder("/sn-auth/").pathAndQuery()).isEqualTo("/sn-auth/dev12345/oauth_token.do");
    assertThat(lastUnder("/sn/").header("Authorization")).isEqualTo("Bearer sn-token");
  }

  @Test
  void aGrantTokenTheApiRejectsIsForgottenAndTheCallRetriedOnceWithAFreshOne() {
    Map<String, Object> fields = Map.of("instance", "rotated", "client_id", "sn-client", "client_secret", "sn-s3cr3t");
    JsonNode created = createAndVerify("servicenow", "CLIENT_CREDENTIALS", fields);
    assertThat(under("/sn-auth/rotated/")).hasSize(2); // the first token, then exactly one refetch
    List<LocalHttpServer.Recorded> calls = under("/sn/rotated/");
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0).header("Authorization")).isEqualTo("Bearer sn-rotated-1");
    assertThat(calls.get(1).header("Authorization")).isEqualTo("Bearer sn-rotated-2");

    // the fresh token is the one cached now: verifying again fetches nothing
    Api.Answer again = api.post("/api/v1/credentials/" + created.path("id").asString() + "/verify", Map.of());
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().path("verification").asString()).isEqualTo("VERIFIED");
    assertThat(under("/sn-auth/rotated/")).hasSize(2);
    assertThat(lastUnder("/sn/rotated/").header("Authorization")).isEqualTo("Bearer sn-rotated-2");
  }

  @Test
  void aGrantTokenRejectedAgainAfterTheRetryIsNotRetriedTwice() {
    Api.Answer a = api.post("/api/v1/credentials?verify=true", Map.of("provider", "servicenow",
        "authMethod", "CLIENT_CREDENTIALS", "fields",
        Map.of("instance", "revoked", "client_id", "sn-client", "client_secret", "sn-s3cr3t")));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    assertThat(a.json().path("verification").asString()).as(a.body()).isNotEqualTo("VERIFIED");
    assertThat(under("/sn-auth/revoked/")).hasSize(2);
    assertThat(under("/sn/revoked/")).hasSize(2);
  }

  @Test
  void gitLabGoesToTheSelfManagedInstanceWithThePrivateTokenHeader() {
    createAndVerify("gitlab", "API_KEY", Map.of("instance_url", upstream.url("/gitlab"),
        "api_key", "glpat-s3cr3t"));

    LocalHttpServer.Recorded call = lastUnder("/gitlab/");
    assertThat(call.pathAndQuery()).isEqualTo("/gitlab/api/v4/user");
    assertThat(call.header("PRIVATE-TOKEN")).isEqualTo("glpat-s3cr3t");
    assertThat(call.header("Authorization")).isNull();
  }

  @Test
  void theOutboundGuardStillChecksTheTemplatedUrlAndTheTokenEndpoint() {
    int before = upstream.requests().size();
    for (Map<String, Object> credential : List.<Map<String, Object>>of(
        Map.of("provider", "gitlab", "authMethod", "API_KEY", "fields",
            Map.of("instance_url", "http://169.254.169.254", "api_key", "glpat-s3cr3t")),
        Map.of("provider", "google-cloud", "authMethod", "JWT_GRANT", "fields",
            Map.of("service_account", serviceAccountKey().replace(upstream.url("/google-token"),
                "http://169.254.169.254/token"))))) {
      Api.Answer a = api.post("/api/v1/credentials?verify=true", credential);
      assertThat(a.status()).as(a.body()).isEqualTo(201);
      assertThat(a.json().path("verification").asString()).as(a.body()).isNotEqualTo("VERIFIED");
      assertThat(a.body()).doesNotContain("s3cr3t").doesNotContain("PRIVATE KEY");
    }
    assertThat(upstream.requests()).hasSize(before);
  }

  @Test
  void mailchimpTakesItsDataCentreFromTheKeysSuffix() {
    createAndVerify("mailchimp", "API_KEY", Map.of("api_key", "0123456789abcdefs3cr3t-us6"));

    LocalHttpServer.Recorded call = lastUnder("/mc/");
    assertThat(call.pathAndQuery()).isEqualTo("/mc/us6/3.0/ping");
    assertThat(call.header("Authorization")).isEqualTo(basic("switchboard", "0123456789abcdefs3cr3t-us6"));
  }

  @Test
  void activeCampaignGoesToTheAccountUrlWithTheApiTokenHeader() {
    createAndVerify("activecampaign", "API_KEY", Map.of("instance_url", upstream.url("/ac"),
        "api_key", "ac-s3cr3t"));

    LocalHttpServer.Recorded call = lastUnder("/ac/");
    assertThat(call.pathAndQuery()).isEqualTo("/ac/api/3/users/me");
    assertThat(call.header("Api-Token")).isEqualTo("ac-s3cr3t");
  }

  // --- OAuth authorization code: tenant templated, values from the token response ---------------------

  static HttpResponse<String> connect(String provider) throws Exception {
    Api.Answer app = admin.post("/api/v1/admin/oauth-apps/" + provider, Map.of("clientId", provider + "-app",
        "clientSecret", provider + "-app-s3cr3t"));
    assertThat(app.status()).as(app.body()).isIn(200, 201);
    String url = api.post("/api/v1/oauth/" + provider + "/start", Map.of()).json().path("authorizationUrl").asString();
    HttpResponse<String> toProvider = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    String callback = toProvider.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
        toProvider.statusCode() + " " + toProvider.body() + " for " + url));
    HttpResponse<String> done = browser.send(HttpRequest.newBuilder(URI.create(callback)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("connected and verified");
    return toProvider;
  }

  @Test
  void salesforceCallsTheInstanceUrlOfItsTokenResponse() throws Exception {
    drain(salesforceAuth);
    connect("salesforce");

    LocalHttpServer.Recorded call = lastUnder("/sf-instance/");
    assertThat(call.pathAndQuery()).isEqualTo("/sf-instance/services/data/v62.0/limits");
    assertThat(call.header("Authorization")).startsWith("Bearer ey");
    assertThat(drain(salesforceAuth)).anyMatch(r -> r.getPath().equals("/services/oauth2/token"));

    // the instance URL is kept in the sealed payload with the tokens, not shown, and survives a refresh
    Api.Answer mine = api.get("/api/v1/credentials?provider=salesforce");
    assertThat(mine.body()).doesNotContain("sf-instance");
    String id = mine.json().path("items").get(0).path("id").asString();
    int before = upstream.requests().size();
    Api.Answer refreshed = api.post("/api/v1/credentials/" + id + "/refresh", Map.of());
    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    assertThat(drain(salesforceAuth)).anyMatch(r -> r.getPath().equals("/services/oauth2/token")
        && "refresh_token".equals(form(r.getBody().readUtf8()).get("grant_type")));
    Api.Answer again = api.post("/api/v1/credentials/" + id + "/verify", Map.of());
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().path("verification").asString()).as(again.body()).isEqualTo("VERIFIED");
    assertThat(upstream.requests().subList(before, upstream.requests().size()))
        .anyMatch(r -> r.pathAndQuery().equals("/sf-instance/services/data/v62.0/limits"));
  }

  @Test
  void microsoftGraphProvidersSignInAtTheTenantOfTheirSchemaDefault() throws Exception {
    for (String provider : List.of("microsoft-teams", "microsoft-365")) {
      drain(authServer);
      HttpResponse<String> authorize = connect(provider);

      assertThat(authorize.request().uri().getPath()).isEqualTo("/organizations/oauth2/v2.0/authorize");
      assertThat(drain(authServer)).anyMatch(r -> r.getPath().equals("/organizations/oauth2/v2.0/token"));
      String prefix = provider.equals("microsoft-teams") ? "/teams/" : "/m365/";
      assertThat(lastUnder(prefix).pathAndQuery()).isEqualTo(prefix + "me");
    }
  }
}
