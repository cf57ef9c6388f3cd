package dev.switchboard.sql;

import dev.switchboard.provider.DsnScheme;
import static dev.switchboard.sql.Calls.POSTGRESQL;
import static dev.switchboard.sql.Calls.args;
import static dev.switchboard.sql.Calls.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import dev.switchboard.vault.SecretFields;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connections are pooled per credential and settings, and let go of when no longer wanted. */
class PostgresPoolsIT {
  private static ShopDatabase shop;
  private MutableClock clock;
  private SqlToolset tools;

  @BeforeAll
  static void seed() {
    shop = ShopDatabase.create();
  }

  @BeforeEach
  void start() throws Exception {
    clock = new MutableClock(Instant.parse("2025-03-01T10:00:00Z"));
    tools = new SqlToolset(DsnScheme.POSTGRESQL, TestResolver.loopbackOnly(), SqlLimits.defaults(), clock);
    eventually(() -> shop.connections() == 0);
  }

  @AfterEach
  void stop() {
    tools.close();
  }

  private ToolResult call(String credentialId, SecretFields secrets) {
    return tools.call(POSTGRESQL, "query", args("{\"sql\": \"SELECT current_database()\"}"), secrets,
        context(credentialId, clock));
  }

  private static void eventually(Callable<Boolean> condition) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(50);
    }
  }

  @Test
  void callsOfOneCredentialShareOneSmallPool() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(call("cred_a", shop.secrets()).outcome()).isEqualTo(Outcome.OK);
    }

    assertThat(tools.openPools()).isEqualTo(1);
    assertThat(shop.connections()).isBetween(1, 2);
  }

  @Test
  void forgettingACredentialClosesItsConnections() throws Exception {
    call("cred_b", shop.secrets());
    call("cred_b", shop.secrets());

    tools.forget("cred_b");

    assertThat(tools.openPools()).isZero();
    eventually(() -> shop.connections() == 0);
  }

  @Test
  void changedSettingsNeverReuseThePoolOfTheOldOnes() {
    call("cred_c", shop.secrets());
    call("cred_c", shop.secrets());

    ToolResult wrongPassword = call("cred_c", shop.secrets(Map.of("password", "changed-and-wrong")));
    ToolResult otherDatabase = call("cred_c", shop.secrets(Map.of("database", "postgres")));

    assertThat(wrongPassword.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
    assertThat(otherDatabase.structured().orElseThrow().at("/rows/0/0").stringValue()).isEqualTo("postgres");
    assertThat(tools.openPools()).isEqualTo(1);
  }

  @Test
  void aPoolUnusedForTheIdleTimeoutIsClosed() throws Exception {
    call("cred_d", shop.secrets());
    call("cred_d", shop.secrets());
    clock.advance(Duration.ofSeconds(59));
    tools.closeIdlePools();
    assertThat(tools.openPools()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    tools.closeIdlePools();

    assertThat(tools.openPools()).isZero();
    eventually(() -> shop.connections() == 0);
  }

  @Test
  void credentialsDoNotShareConnections() {
    call("cred_e", shop.secrets());
    call("cred_f", shop.secrets());
    call("cred_e", shop.secrets());

    assertThat(tools.openPools()).isEqualTo(2);
  }
}
