package dev.switchboard.sql;

import dev.switchboard.provider.DsnScheme;
import static dev.switchboard.sql.Calls.POSTGRESQL;
import static dev.switchboard.sql.Calls.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.upstream.CallContext;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code query} cannot change the database, cannot run away and cannot flood the caller: writes
 * and transaction tricks are refused, a slow statement stops at the (2 s) timeout, a big result
 * stops at the row limit. After every test the seeded data is unchanged.
 */
class PostgresReadOnlyIT {
  private static ShopDatabase shop;
  private static SqlToolset tools;
  private List<Object> before;

  @BeforeAll
  static void start() {
    shop = ShopDatabase.create();
    tools = new SqlToolset(DsnScheme.POSTGRESQL, TestResolver.loopbackOnly(),
        SqlLimits.defaults().withStatementTimeout(Duration.ofSeconds(2)), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    tools.close();
  }

  @BeforeEach
  void remember() throws Exception {
    before = shop.snapshot();
  }

  @AfterEach
  void nothingChanged() throws Exception {
    assertThat(shop.snapshot()).isEqualTo(before);
  }

  private static ToolResult query(String sql) {
    return query(sql, null);
  }

  private static ToolResult query(String sql, Integer maxRows) {
    var arguments = JsonNodeFactory.instance.objectNode().put("sql", sql);
    if (maxRows != null) {
      arguments.put("max_rows", maxRows);
    }
    return tools.call(POSTGRESQL, "query", arguments, shop.secrets(), context("cred_ro"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO customers (email) VALUES ('eve@example.com')",
      "UPDATE orders SET total = 0",
      "DELETE FROM orders",
      "DROP TABLE orders",
      "TRUNCATE orders",
      "CREATE TABLE stolen (x int)",
      "SET TRANSACTION READ WRITE",
      "SET default_transaction_read_only = off",
      "COMMIT",
      "BEGIN READ WRITE",
      "COPY orders TO STDOUT"})
  void writesAndTransactionControlAreRefusedAsReadOnly(String sql) {
    ToolResult result = query(sql);

    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(result.text()).startsWith("this tool is read-only: ")
        .contains("must start with SELECT, WITH, VALUES, TABLE, SHOW, EXPLAIN");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "COMMIT; DROP TABLE orders",
      "SET TRANSACTION READ WRITE; DELETE FROM orders",
      "SELECT 1; DROP TABLE orders",
      "SELECT E'\\';' ; DROP TABLE orders",
      "ROLLBACK; BEGIN READ WRITE; INSERT INTO customers (email) VALUES ('eve@example.com'); COMMIT"})
  void severalStatementsInOneCallAreRefused(String sql) {
    ToolResult result = query(sql);

    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(result.text()).startsWith("send one statement per call");
  }

  @Test
  void aWriteHiddenInACommonTableExpressionIsRefusedByTheReadOnlyTransaction() {
    ToolResult result = query("WITH gone AS (DELETE FROM orders RETURNING id) SELECT count(*) FROM gone");

    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    // PostgreSQL names the statement's top-level command, SELECT, in this refusal.
    assertThat(result.text()).isEqualTo("this tool is read-only: cannot execute SELECT in a read-only transaction");
  }

  @Test
  void aFunctionThatWritesIsRefusedByTheReadOnlyTransaction() {
    ToolResult result = query("SELECT sneaky_insert()");

    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(result.text()).startsWith("this tool is read-only: cannot execute INSERT in a read-only transaction");
  }

  @Test
  void explainAnalyzeOfAWriteIsRefusedByTheReadOnlyTransaction() {
    ToolResult result = query("EXPLAIN ANALYZE DELETE FROM orders");

    assertThat(result.text()).startsWith("this tool is read-only: cannot execute DELETE");
  }

  @Test
  void switchingTheTransactionToReadWriteFromInsideAStatementFails() {
    ToolResult result = query("SELECT set_config('transaction_read_only', 'off', true)");

    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(result.text()).contains("transaction read-write mode must be set before any query");
  }

  @Test
  void sessionSettingsChangedByAStatementDoNotOutliveTheCall() {
    ToolResult change = query("SELECT set_config('search_path', 'analytics', false),"
        + " set_config('default_transaction_read_only', 'off', false)");
    ToolResult after = query("SELECT current_setting('search_path')");
    ToolResult write = query("WITH gone AS (DELETE FROM orders RETURNING id) SELECT count(*) FROM gone");

    assertThat(change.outcome()).isEqualTo(Outcome.OK);
    assertThat(after.structured().orElseThrow().at("/rows/0/0").stringValue()).isEqualTo("\"$user\", public");
    assertThat(write.text()).startsWith("this tool is read-only");
  }

  @Test
  void statementsAreSplitTheWayTheGuardSplitsThemEvenWhenTheDatabaseDefaultsToOldStringSyntax()
      throws Exception {
    ShopDatabase legacy = ShopDatabase.create();
    try (var c = legacy.db.connect(); var s = c.createStatement()) {
      s.execute("ALTER DATABASE " + legacy.db.name() + " SET standard_conforming_strings = off");
    }
    List<Object> legacyBefore = legacy.snapshot();
    // With standard_conforming_strings off this is two statements; with it on, one string.
    String sql = "SELECT '\\'' ; DROP TABLE orders; --' AS text";

    ToolResult result = tools.call(POSTGRESQL, "query",
        JsonNodeFactory.instance.objectNode().put("sql", sql), legacy.secrets(), context("cred_legacy"));

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(result.structured().orElseThrow().at("/rows/0/0").stringValue())
        .isEqualTo("\\' ; DROP TABLE orders; --");
    assertThat(legacy.snapshot()).isEqualTo(legacyBefore);
  }

  @Test
  void aRunawayStatementIsStoppedAtTheStatementTimeout() {
    long started = System.nanoTime();

    ToolResult result = query("SELECT pg_sleep(60)");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(result.text()).startsWith("the statement was stopped at the 2 s timeout");
  }

  @Test
  void aStatementStoppedByTheCallsDeadlineIsATimeoutNotAnUnreachableDatabase() {
    var arguments = JsonNodeFactory.instance.objectNode().put("sql", "SELECT pg_sleep(60)");
    long started = System.nanoTime();

    ToolResult result = tools.call(POSTGRESQL, "query", arguments, shop.secrets(),
        new CallContext("user_1", "cred_ro", Instant.now().plusMillis(1200)));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(result.outcome()).isEqualTo(Outcome.TIMEOUT);
    assertThat(result.text()).startsWith("timed out: the statement was stopped after")
        .contains("the call's deadline").doesNotContain("unreachable");
  }

  @Test
  void theConnectionStillWorksAfterAStatementWasStopped() {
    query("SELECT pg_sleep(60)");

    assertThat(query("SELECT 1").outcome()).isEqualTo(Outcome.OK);
  }

  @Test
  void aLargeResultIsCutAtTheRowLimitWithANotice() {
    ToolResult result = query("SELECT g, 'row ' || g AS label FROM generate_series(1, 5000) g");
    JsonNode s = result.structured().orElseThrow();

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(s.get("rowCount").intValue()).isEqualTo(500);
    assertThat(s.get("rows")).hasSize(500);
    assertThat(s.get("truncated").booleanValue()).isTrue();
    assertThat(s.at("/rows/499/0").intValue()).isEqualTo(500);
    assertThat(result.text()).contains("(500 rows)", "Notice: the result was cut at the row limit of 500 rows");
  }

  @Test
  void maxRowsLowersTheLimit() {
    JsonNode s = query("SELECT g FROM generate_series(1, 100) g", 10).structured().orElseThrow();

    assertThat(s.get("rowCount").intValue()).isEqualTo(10);
    assertThat(s.get("truncated").booleanValue()).isTrue();
  }

  @Test
  void aResultOfExactlyTheLimitIsNotTruncated() {
    ToolResult result = query("SELECT g FROM generate_series(1, 10) g", 10);

    assertThat(result.structured().orElseThrow().get("truncated").booleanValue()).isFalse();
    assertThat(result.text()).doesNotContain("Notice");
  }

  @Test
  void maxRowsAboveTheLimitIsInvalid() {
    assertThat(query("SELECT 1", 501).outcome()).isEqualTo(Outcome.INVALID_ARGUMENTS);
  }
}
