package dev.switchboard.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialStatus;
import dev.switchboard.credential.Verification;
import dev.switchboard.credential.internal.CredentialMapper;
import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.store.Database;
import dev.switchboard.store.Ids;
import dev.switchboard.testing.AcmeApi;
import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestDatabases;
import dev.switchboard.testing.TestServer;
import dev.switchboard.vault.KeyringSource;
import dev.switchboard.vault.SealedPayload;
import dev.switchboard.vault.SecretFields;
import dev.switchboard.vault.Vault;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * N stored OAuth credentials (100,000 by default) whose access tokens are all due, refreshed by
 * Switchboard's refresh sweep against a local token endpoint. Prints the time to refresh them all,
 * token requests per credential (each refresh token must be used exactly once), and memory.
 *
 * <p>The credentials are written straight into the database (sealed by the same vault, in batches)
 * because creating 100,000 through the OAuth flow would measure the flow, not the refresh. A real
 * Switchboard (in this process, SQLite) then runs one sweep. Run: {@code RefreshBenchmark [N [DIR]]}.
 * With DIR, the data stays there with a 1,000-operation API provider added, and {@code
 * DIR/switchboard.env} holds the settings to start the gateway on it (the start-up and memory
 * measurement, {@code bench/startup-memory.sh}, does).
 */
public final class RefreshBenchmark {
  private static final int USERS = 10;

  private RefreshBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    // the JDK's server writes headers and body apart: without this, Nagle and delayed ACKs add 40 ms
    System.setProperty("sun.net.httpserver.nodelay", "true");
    Path dir = args.length > 1 ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("switchboard-refresh");
    TokenEndpoint tokens = TokenEndpoint.start();
    Map<String, String> env = TestServer.environment(dir, Map.of("SWITCHBOARD_REFRESH_INTERVAL_MINUTES", "100000"));
    try (TestServer server = TestServer.start(dir, Map.of("SWITCHBOARD_REFRESH_INTERVAL_MINUTES", "100000"))) {
      Api admin = new Api(server, Cli.token(env, TestServer.ADMIN_EMAIL));
      check(admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "acme", "name", "Acme",
          "document", AcmeApi.OPENAPI, "baseUrl", tokens.url(""), "validationTool", "get_me",
          "authMethods", List.of(Map.of("type", "OAUTH2", "issuer", tokens.url(""),
              "defaultScopes", List.of("read"), "pkce", true)))));
      check(admin.post("/api/v1/admin/oauth-apps/acme", Map.of("clientId", "bench", "clientSecret", "bench-secret")));
      if (args.length > 1) {
        check(admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "bench", "name", "Bench",
            "document", BenchApi.document(1000), "baseUrl", "http://127.0.0.1:18081", "validationTool", "list_items",
            "authMethods", List.of(Map.of("type", "BEARER")))));
        StringBuilder settings = new StringBuilder();
        env.forEach((k, v) -> settings.append(k).append('=').append(v).append('\n'));
        Files.writeString(dir.resolve("switchboard.env"), settings.toString());
      }
      long seedStart = System.nanoTime();
      seed(env, count);
      System.out.printf("seeded %,d due OAuth credentials for %d users in %.1f s%n", count, USERS,
          (System.nanoTime() - seedStart) / 1e9);
      System.gc();
      long heapBefore = usedHeap();
      long start = System.nanoTime();
      int refreshed = server.running().app().refreshSweep().run();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.gc();
      Map<Integer, Long> perCredential = tokens.requestsPerRefreshToken(count);
      System.out.printf("refreshed=%,d of %,d in %.1f s (%.0f refreshes/s)%n", refreshed, count, seconds,
          refreshed / seconds);
      System.out.printf("token requests per credential: %s (total %,d)%n", perCredential, tokens.total.get());
      System.out.printf("heap used after the sweep: %d MB (before: %d MB); process RSS: %d MB%n",
          usedHeap() >> 20, heapBefore >> 20, rssKb() >> 10);
    } finally {
      tokens.stop();
    }
    System.exit(0);
  }

  /** Writes {@code count} OAuth credentials, access tokens due in a minute, in batches of 1,000. */
  private static void seed(Map<String, String> env, int count) {
    JsonMapper json = JsonMapper.builder().build();
    Clock clock = Clock.systemUTC();
    Vault vault = new Vault(new KeyringSource(null, clock)
        .load(Path.of(env.get("SWITCHBOARD_VAULT_KEY_FILE"))).keyring(), clock, json);
    Database database = Database.open(env.get("SWITCHBOARD_DB_URL"), "", "");
    try {
      CredentialRows rows = new CredentialRows(database.jdbi(), new CredentialMapper(json));
      String[] users = new String[USERS];
      for (int u = 0; u < USERS; u++) {
        String email = "refresh" + u + "@example.com";
        Cli.userWithToken(env, email);
        users[u] = database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM users WHERE email = :e")
            .bind("e", email).mapTo(String.class).one());
      }
      Instant due = clock.instant().plus(Duration.ofMinutes(1));
      for (int from = 0; from < count; from += 1000) {
        int batchStart = from;
        database.jdbi().useTransaction(h -> {
          for (int i = batchStart; i < Math.min(count, batchStart + 1000); i++) {
            String user = users[i % USERS];
            String id = Ids.next("cred");
            SealedPayload sealed = vault.seal(user, id, SecretFields.of(Map.of(
                "access_token", "at-old-" + i, "refresh_token", "rt-" + i)));
            Credential c = new Credential(id, user, "acme", AuthMethodType.OAUTH2, "Acme " + i,
                CredentialStatus.ACTIVE, Verification.VERIFIED, Optional.empty(), Optional.empty(),
                Set.of("read"), Optional.empty(), Optional.of(due), clock.instant(), Optional.empty(),
                Optional.empty(), 0, 0, sealed.keyId(), Map.of("access_token", "••••"), false);
            rows.insert(h, c, sealed);
            rows.setOAuthState(h, id, Set.of("read"), Optional.of(due), Optional.empty());
          }
        });
      }
    } finally {
      database.close();
    }
  }

  private static void check(Api.Answer answer) {
    if (answer.status() / 100 != 2) {
      throw new IllegalStateException("setup: " + answer.status() + " " + answer.body());
    }
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  private static long rssKb() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
        .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
  }

  /** OpenID discovery and a token endpoint that answers every refresh and counts them per refresh token. */
  private static final class TokenEndpoint {
    private final HttpServer http;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Map<String, AtomicInteger> perToken = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    private TokenEndpoint(HttpServer http) {
      this.http = http;
    }

    static TokenEndpoint start() throws IOException {
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 128);
      TokenEndpoint endpoint = new TokenEndpoint(http);
      http.setExecutor(endpoint.threads);
      http.createContext("/.well-known/openid-configuration", ex -> endpoint.answer(ex, 200,
          "{\"issuer\":\"" + endpoint.url("") + "\",\"authorization_endpoint\":\"" + endpoint.url("/authorize")
              + "\",\"token_endpoint\":\"" + endpoint.url("/token") + "\"}"));
      http.createContext("/token", endpoint::token);
      http.start();
      return endpoint;
    }

    String url(String path) {
      return "http://127.0.0.1:" + http.getAddress().getPort() + path;
    }

    private void token(HttpExchange ex) throws IOException {
      String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String refreshToken = "";
      for (String pair : form.split("&")) {
        if (pair.startsWith("refresh_token=")) {
          refreshToken = URLDecoder.decode(pair.substring("refresh_token=".length()), StandardCharsets.UTF_8);
        }
      }
      total.incrementAndGet();
      perToken.computeIfAbsent(refreshToken, t -> new AtomicInteger()).incrementAndGet();
      answer(ex, 200, "{\"access_token\":\"at-new-" + Ids.random(8) + "\",\"token_type\":\"Bearer\","
          + "\"expires_in\":3600,\"refresh_token\":\"" + refreshToken + "\",\"scope\":\"read\"}");
    }

    private void answer(HttpExchange ex, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }

    /** How many credentials saw 0, 1, 2… token requests for their refresh token. */
    Map<Integer, Long> requestsPerRefreshToken(int count) {
      Map<Integer, Long> histogram = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        AtomicInteger n = perToken.get("rt-" + i);
        histogram.merge(n == null ? 0 : n.get(), 1L, Long::sum);
      }
      return histogram;
    }

    void stop() {
      http.stop(0);
      threads.shutdown();
    }
  }
}
