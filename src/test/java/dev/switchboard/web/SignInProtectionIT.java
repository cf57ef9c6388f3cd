package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in: an unknown email costs the same bcrypt work as a wrong password; the dashboard form
 * sends the browser only to a path of this site afterwards; failures are limited per account and
 * per client address with 429 and Retry-After. The tests share one client address (127.0.0.1), so
 * they run in order and the address limit comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInProtectionIT {
  static final String KNOWN = "known@example.com";
  @TempDir
  static Path dir;
  static TestServer server;
  static Api anonymous;

  @BeforeAll
  static void start() {
    server = TestServer.start(dir, Map.of("SWITCHBOARD_BCRYPT_COST", "10",
        "SWITCHBOARD_SIGNIN_MAX_FAILURES_PER_ACCOUNT", "3", "SWITCHBOARD_SIGNIN_MAX_FAILURES_PER_ADDRESS", "12"));
    anonymous = new Api(server, null);
    Cli.run(server.env(), "user", "create", "--email", KNOWN, "--password", "password-of-" + KNOWN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Api.Answer signIn(String email, String password) {
    return anonymous.post("/api/v1/session", Map.of("email", email, "password", password));
  }

  static long millis(String email, String password) {
    long start = System.nanoTime();
    Api.Answer a = signIn(email, password);
    long took = (System.nanoTime() - start) / 1_000_000;
    assertThat(a.status()).as(a.body()).isEqualTo(401);
    return took;
  }

  @Test
  @Order(1)
  void anUnknownEmailTakesAboutAsLongToRefuseAsAWrongPassword() {
    millis("warm-up@example.com", "whatever-1"); // the first request also warms the code path up
    long unknown = Math.min(millis("nobody-1@example.com", "whatever-1"), millis("nobody-2@example.com", "x"));
    long wrong = Math.min(millis(KNOWN, "wrong-password-1"), millis(KNOWN, "wrong-password-2"));
    // cost 10 is tens of milliseconds of bcrypt; without the stand-in check an unknown email took ~1 ms.
    // The attempts are few (the throttle allows 3 per account here), so on a busy machine the two
    // sides can differ by a factor of two: a factor of four still catches a missing check.
    assertThat(wrong).isGreaterThan(10);
    assertThat(unknown).as("unknown %d ms, wrong password %d ms", unknown, wrong).isGreaterThan(wrong / 4);
  }

  @Test
  @Order(2)
  void theSignInFormSendsTheBrowserOnlyToAPathOfThisSite() {
    for (Map.Entry<String, String> c : Map.of("/%09/evil.example", "/providers", "/\\evil.example", "/providers",
        "//evil.example/x", "/providers", "/%5c%5cevil.example", "/providers", "https://evil.example", "/providers",
        "/bundles?tab=mine", "/bundles?tab=mine").entrySet()) {
      Api.Answer form = anonymous.get("/signin?next=" + URLEncoder.encode(c.getKey(), StandardCharsets.UTF_8));
      String cookie = form.raw().headers().allValues("Set-Cookie").stream()
          .filter(v -> v.startsWith("sb_signin=")).findFirst().orElseThrow();
      String token = cookie.substring("sb_signin=".length(), cookie.indexOf(';'));
      Api.Answer opened = anonymous.send(anonymous.builder("/signin")
          .header("Cookie", "sb_signin=" + token).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&email=" + KNOWN + "&password=password-of-"
              + KNOWN + "&next=" + URLEncoder.encode(c.getKey(), StandardCharsets.UTF_8))));
      assertThat(opened.status()).isEqualTo(303);
      assertThat(opened.raw().headers().firstValue("Location")).as(c.getKey()).hasValue(c.getValue());

      String session = opened.raw().headers().allValues("Set-Cookie").stream()
          .filter(v -> v.startsWith("sb_session=")).findFirst().orElseThrow();
      Api.Answer again = anonymous.send(anonymous.builder("/signin?next="
          + URLEncoder.encode(c.getKey(), StandardCharsets.UTF_8))
          .header("Cookie", session.substring(0, session.indexOf(';'))).GET());
      assertThat(again.raw().headers().firstValue("Location")).as("signed in, " + c.getKey()).hasValue(c.getValue());
    }
  }

  @Test
  @Order(3)
  void anAccountIsRefusedWith429AfterItsFailuresEvenWithTheRightPassword() {
    String email = "target@example.com";
    Cli.run(server.env(), "user", "create", "--email", email, "--password", "password-of-" + email);
    for (int i = 0; i < 3; i++) {
      assertThat(signIn(email, "guess-" + i).status()).isEqualTo(401);
    }
    Api.Answer refused = signIn(email, "password-of-" + email);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.errorCode()).isEqualTo("too_many_attempts");
    assertThat(refused.json().path("error").path("message").asString()).contains("try again in");
    long retryAfter = Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(60L, 15 * 60L);
    assertThat(signIn(email.toUpperCase(), "guess-4").status()).as("the same account in capitals").isEqualTo(429);
    assertThat(signIn(KNOWN, "password-of-" + KNOWN).status()).as("other accounts go on").isEqualTo(200);
  }

  @Test
  @Order(4)
  void parallelGuessesGetNoMorePasswordChecksThanTheAccountsLimit() throws Exception {
    String email = "burst@example.com";
    Cli.run(server.env(), "user", "create", "--email", email, "--password", "password-of-" + email);
    int guesses = 8;
    ExecutorService pool = Executors.newFixedThreadPool(guesses);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < guesses; i++) {
        String guess = "parallel-guess-" + i;
        answers.add(pool.submit(() -> {
          start.await();
          return signIn(email, guess).status();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> a : answers) {
        statuses.add(a.get());
      }
      // before, every guess passed the check while the first ones were still in bcrypt: 8 x 401
      assertThat(statuses).as(statuses.toString()).containsOnly(401, 429);
      assertThat(statuses.stream().filter(s -> s == 401).count()).as(statuses.toString()).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
    assertThat(signIn(email, "password-of-" + email).status()).isEqualTo(429);
  }

  @Test
  @Order(5)
  void anAddressIsRefusedWith429AfterItsFailuresWhateverTheAccount() {
    int failures = 0;
    Api.Answer last = null;
    while (failures < 20) {
      last = signIn("spray-" + failures + "@example.com", "guess");
      if (last.status() == 429) {
        break;
      }
      assertThat(last.status()).isEqualTo(401);
      failures++;
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.raw().headers().firstValue("Retry-After")).isPresent();
    assertThat(signIn(KNOWN, "password-of-" + KNOWN).status()).isEqualTo(429);

    Api.Answer form = anonymous.get("/signin");
    String cookie = form.raw().headers().allValues("Set-Cookie").stream()
        .filter(v -> v.startsWith("sb_signin=")).findFirst().orElseThrow();
    String token = cookie.substring("sb_signin=".length(), cookie.indexOf(';'));
    Api.Answer page = anonymous.send(anonymous.builder("/signin")
        .header("Cookie", "sb_signin=" + token).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&email=" + KNOWN + "&password=x")));
    assertThat(page.status()).isEqualTo(429);
    assertThat(page.raw().headers().firstValue("Retry-After")).isPresent();
    assertThat(page.body()).contains("Too many failed sign-in attempts");
  }
}
