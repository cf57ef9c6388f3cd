package dev.switchboard.sql;

import dev.switchboard.provider.DsnScheme;
import static dev.switchboard.sql.Calls.POSTGRESQL;
import static dev.switchboard.sql.Calls.args;
import static dev.switchboard.sql.Calls.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.upstream.CallContext;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Verifying a credential tells a wrong password from an unreachable server from a refused host,
 * and no message ever carries the password.
 */
class PostgresVerificationIT {
  private static ShopDatabase shop;
  private static SqlToolset tools;

  @BeforeAll
  static void start() {
    shop = ShopDatabase.create();
    tools = new SqlToolset(DsnScheme.POSTGRESQL, TestResolver.loopbackOnly());
  }

  @AfterAll
  static void stop() {
    tools.close();
  }

  @Test
  void theRightPasswordVerifies() {
    ToolResult result = tools.verify(shop.secrets(), context("cred_ok"));

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(result.text()).startsWith("credentials work: connected to PostgreSQL 14");
  }

  @Test
  void aWrongPasswordIsRejectedWithoutShowingIt() {
    String wrong = "not-the-password-4711";

    ToolResult result = tools.verify(shop.secrets(Map.of("password", wrong)), context("cred_wrong"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
    assertThat(result.text()).startsWith("credentials rejected: ")
        .contains("password authentication failed for user \"" + shop.db.user() + "\"")
        .doesNotContain(wrong).doesNotContain(shop.db.password());
  }

  @Test
  void anUnknownRoleIsRejected() {
    ToolResult result = tools.verify(shop.secrets(Map.of("user", "nobody")), context("cred_nobody"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
  }

  @Test
  void aMissingDatabaseIsRejected() {
    ToolResult result = tools.verify(shop.secrets(Map.of("database", "no_such_db")), context("cred_db"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
    assertThat(result.text()).contains("database \"no_such_db\" does not exist");
  }

  @Test
  void aClosedPortIsUnreachable() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    ToolResult result = tools.verify(shop.secrets(Map.of("port", Integer.toString(closed))), context("cred_port"));

    assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
    assertThat(result.text()).startsWith("provider unreachable: ").doesNotContain(shop.db.password());
  }

  @Test
  void aHostTheGuardRefusesIsBlockedBeforeAnyConnection() {
    ToolResult verify = tools.verify(shop.secrets(Map.of("host", "10.1.2.3")), context("cred_private"));
    ToolResult call = tools.call(POSTGRESQL, "list_schemas", args("{}"),
        shop.secrets(Map.of("host", "metadata.internal")), context("cred_private"));

    assertThat(verify.outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(verify.text()).contains("10.1.2.3", "SWITCHBOARD_OUTBOUND_ALLOW");
    assertThat(call.outcome()).isEqualTo(Outcome.BLOCKED);
    assertThat(tools.openPools()).isZero();
  }

  @Test
  void aNameThatDoesNotResolveIsUnreachable() {
    ToolResult result = tools.verify(shop.secrets(Map.of("host", "db.nxdomain")), context("cred_dns"));

    assertThat(result.outcome()).isEqualTo(Outcome.UNREACHABLE);
    assertThat(result.text()).isEqualTo("provider unreachable: db.nxdomain could not be resolved");
  }

  @Test
  void malformedSettingsAreRejectedWithTheFieldNamed() {
    ToolResult result = tools.verify(shop.secrets(Map.of("port", "99999")), context("cred_bad"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
    assertThat(result.text()).isEqualTo("credentials rejected: port must be a whole number from 1 to 65535");
  }

  @Test
  void theValidationToolRejectsAWrongPasswordToo() {
    ToolResult result = tools.call(POSTGRESQL, POSTGRESQL.validation().tool(), args("{}"),
        shop.secrets(Map.of("password", "wrong-again-0815")), context("cred_validate"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
    assertThat(result.text()).doesNotContain("wrong-again-0815");
  }

  @Test
  void aCallWhoseDeadlineHasPassedDoesNotConnectAndTimesOut() {
    var expired = new CallContext("user_1", "cred_late", Instant.now());

    ToolResult result = tools.call(POSTGRESQL, "list_schemas", args("{}"), shop.secrets(), expired);

    assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
    assertThat(result.text()).isEqualTo("timed out: the call's deadline passed before connecting to the database");
  }
}
