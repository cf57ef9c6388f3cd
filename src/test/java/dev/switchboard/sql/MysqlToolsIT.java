package dev.switchboard.sql;

import static dev.switchboard.sql.Calls.MYSQL;
import static dev.switchboard.sql.Calls.args;
import static dev.switchboard.sql.Calls.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.provider.DsnScheme;
import dev.switchboard.testing.MariaDbServer;
import dev.switchboard.tool.BuiltinCall;
import dev.switchboard.tool.Tool;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import dev.switchboard.vault.SecretFields;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The MySQL tools against a real MariaDB server started for the test. The user owns its database (it may
 * write there), so only the server's read-only transaction stands between the tools and a write.
 */
class MysqlToolsIT {
  private static final String PASSWORD = "Reader-pw-4711-secret";
  private static final String SEED = """
      CREATE DATABASE shop;
      CREATE TABLE shop.customers (
        id INT AUTO_INCREMENT PRIMARY KEY,
        email VARCHAR(200) NOT NULL UNIQUE,
        name VARCHAR(100)) COMMENT 'People who buy';
      CREATE TABLE shop.orders (
        id BIGINT AUTO_INCREMENT PRIMARY KEY,
        customer_id INT NOT NULL,
        total DECIMAL(10,2) NOT NULL DEFAULT 0 COMMENT 'Order total in euros',
        paid BOOLEAN NOT NULL DEFAULT FALSE,
        CONSTRAINT orders_total_positive CHECK (total >= 0),
        CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES shop.customers (id) ON DELETE CASCADE,
        INDEX orders_customer_idx (customer_id)) COMMENT 'Customer orders';
      CREATE VIEW shop.paid_orders AS SELECT * FROM shop.orders WHERE paid;
      INSERT INTO shop.customers (email, name) VALUES ('ada@example.com', 'Ada'), ('bob@example.com', 'Bob'),
        ('cy@example.com', NULL);
      INSERT INTO shop.orders (customer_id, total, paid) VALUES (1, 12.50, TRUE), (1, 99.99, FALSE), (2, 0, TRUE);
      CREATE FUNCTION shop.sneaky_insert() RETURNS INT MODIFIES SQL DATA
        BEGIN INSERT INTO shop.customers (email) VALUES ('sneaky@example.com'); RETURN 1; END;
      CREATE USER 'reader'@'%' IDENTIFIED BY '""" + PASSWORD + """
      ';
      GRANT ALL PRIVILEGES ON shop.* TO 'reader'@'%';
      """;

  private static MariaDbServer server;
  private static SqlToolset tools;

  @BeforeAll
  static void start() throws SQLException {
    server = MariaDbServer.start();
    try (Connection c = server.root(); Statement s = c.createStatement()) {
      s.execute(SEED);
    }
    tools = new SqlToolset(DsnScheme.MYSQL, TestResolver.loopbackOnly(),
        SqlLimits.defaults().withStatementTimeout(Duration.ofSeconds(1)), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    if (tools != null) {
      tools.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static SecretFields secrets(Map<String, String> changes) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("host", "127.0.0.1");
    fields.put("port", Integer.toString(server.port()));
    fields.put("user", "reader");
    fields.put("password", PASSWORD);
    fields.put("database", "shop");
    fields.put("sslmode", "disable");
    fields.putAll(changes);
    return SecretFields.of(fields);
  }

  private static ToolResult call(String operation, String arguments) {
    return tools.call(MYSQL, operation, args(arguments), secrets(Map.of()), context("cred_mysql"));
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.get(field).stringValue()));
    return out;
  }

  private static List<Long> counts() throws SQLException {
    try (Connection c = server.root(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM shop.customers), "
            + "(SELECT count(*) FROM shop.orders)")) {
      rs.next();
      return List.of(rs.getLong(1), rs.getLong(2));
    }
  }

  @Test
  void theMysqlProviderGetsTheSameFiveToolsAsPostgresql() {
    List<Tool> list = tools.tools(MYSQL);

    assertThat(list).extracting(Tool::name).containsExactly("mysql_list_schemas", "mysql_list_tables",
        "mysql_describe_table", "mysql_query", "mysql_explain");
    assertThat(list).extracting(Tool::recipe).contains(new BuiltinCall("mysql", "query"));
    assertThat(list.get(3).description()).contains("MySQL", "READ ONLY", "1 s");
    assertThat(tools.tools(Calls.POSTGRESQL)).isEmpty();
    assertThat(list).extracting(Tool::localName).contains(MYSQL.validation().tool());
  }

  @Test
  void verificationConnectsAndTellsAWrongPasswordFromAMissingDatabase() {
    ToolResult ok = tools.verify(secrets(Map.of()), context("verify"));
    assertThat(ok.outcome()).as(ok.text()).isEqualTo(Outcome.OK);
    assertThat(ok.text()).startsWith("credentials work: connected to MySQL").contains("MariaDB");

    ToolResult wrong = tools.verify(secrets(Map.of("password", "not-the-password-0815")), context("verify"));
    assertThat(wrong.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
    assertThat(wrong.text()).startsWith("credentials rejected: Access denied for user 'reader'")
        .doesNotContain("not-the-password-0815");

    ToolResult missing = tools.verify(secrets(Map.of("database", "nowhere")), context("verify"));
    assertThat(missing.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
    assertThat(missing.text()).contains("nowhere");
  }

  @Test
  void listSchemasAndTablesShowTheUserDataButNotTheSystemDatabases() {
    ToolResult schemas = call("list_schemas", "{}");
    assertThat(schemas.outcome()).as(schemas.text()).isEqualTo(Outcome.OK);
    assertThat(names(schemas.structured().orElseThrow().get("schemas"), "name")).contains("shop")
        .doesNotContain("mysql", "information_schema", "performance_schema", "sys");

    ToolResult tables = call("list_tables", "{}");
    assertThat(tables.outcome()).as(tables.text()).isEqualTo(Outcome.OK);
    JsonNode out = tables.structured().orElseThrow();
    assertThat(out.get("schema").stringValue()).isEqualTo("shop");
    assertThat(names(out.get("tables"), "name")).containsExactly("customers", "orders", "paid_orders");
    assertThat(out.at("/tables/0/comment").stringValue()).isEqualTo("People who buy");
    assertThat(out.at("/tables/2/kind").stringValue()).isEqualTo("view");

    ToolResult none = call("list_tables", "{\"schema\": \"nowhere\"}");
    assertThat(none.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(none.text()).contains("does not exist");
  }

  @Test
  void describeTableShowsColumnsKeysChecksAndIndexes() {
    ToolResult result = call("describe_table", "{\"table\": \"orders\"}");

    assertThat(result.outcome()).as(result.text()).isEqualTo(Outcome.OK);
    JsonNode d = result.structured().orElseThrow();
    assertThat(names(d.get("columns"), "name")).containsExactly("id", "customer_id", "total", "paid");
    assertThat(d.at("/columns/0/identity").stringValue()).isEqualTo("by default");
    assertThat(d.at("/columns/0/primaryKey").booleanValue()).isTrue();
    assertThat(d.at("/columns/2/comment").stringValue()).isEqualTo("Order total in euros");
    assertThat(d.at("/primaryKey/columns/0").stringValue()).isEqualTo("id");
    assertThat(d.at("/foreignKeys/0/name").stringValue()).isEqualTo("orders_customer_fk");
    assertThat(d.at("/foreignKeys/0/references/table").stringValue()).isEqualTo("customers");
    assertThat(d.at("/foreignKeys/0/onDelete").stringValue()).isEqualTo("CASCADE");
    assertThat(d.at("/checks/0/name").stringValue()).isEqualTo("orders_total_positive");
    assertThat(names(d.get("indexes"), "name")).contains("PRIMARY", "orders_customer_idx");
    assertThat(result.text()).contains("Foreign keys", "orders_customer_fk");
  }

  @Test
  void queryReturnsRowsUpToTheLimitAndExplainShowsAPlan() {
    ToolResult rows = call("query", "{\"sql\": \"SELECT email FROM customers ORDER BY id\", \"max_rows\": 2}");
    assertThat(rows.outcome()).as(rows.text()).isEqualTo(Outcome.OK);
    JsonNode out = rows.structured().orElseThrow();
    assertThat(out.at("/rows/0/0").stringValue()).isEqualTo("ada@example.com");
    assertThat(out.get("truncated").booleanValue()).isTrue();

    ToolResult plan = call("explain", "{\"sql\": \"SELECT * FROM orders WHERE customer_id = 1\"}");
    assertThat(plan.outcome()).as(plan.text()).isEqualTo(Outcome.OK);
    assertThat(plan.text()).contains("orders");
    ToolResult json = call("explain", "{\"sql\": \"SELECT * FROM orders\", \"format\": \"json\"}");
    assertThat(json.outcome()).as(json.text()).isEqualTo(Outcome.OK);
    assertThat(json.structured().orElseThrow().at("/plan/query_block").isObject()).isTrue();
  }

  @Test
  void writesAreRefusedByTheServerNotOnlyByTheStatementCheck() throws SQLException {
    List<Long> before = counts();

    ToolResult insert = call("query", "{\"sql\": \"INSERT INTO customers (email) VALUES ('x@example.com')\"}");
    assertThat(insert.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(insert.text()).startsWith("this tool is read-only");

    // passes the first-word check; the READ ONLY transaction refuses the function's INSERT (1792, 25006)
    ToolResult sneaky = call("query", "{\"sql\": \"SELECT sneaky_insert()\"}");
    assertThat(sneaky.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(sneaky.text()).startsWith("this tool is read-only: Cannot execute statement in a READ ONLY transaction");

    // two statements in one text: the server (no multi-statement flag) refuses the whole text
    ToolResult two = call("query", "{\"sql\": \"SELECT 1; DELETE FROM orders\"}");
    assertThat(two.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(two.text()).contains("SQL syntax");

    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aRunawayStatementIsStoppedAtTheStatementTimeoutAndTheConnectionStillWorks() {
    ToolResult slow = call("query", "{\"sql\": \"SELECT SLEEP(30)\"}");

    assertThat(slow.outcome()).as(slow.text()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(slow.text()).startsWith("the statement was stopped at the 1 s timeout");
    assertThat(call("query", "{\"sql\": \"SELECT 1\"}").outcome()).isEqualTo(Outcome.OK);
  }

  @Test
  void thePasswordIsNeverEchoed() {
    ToolResult echoed = call("query", "{\"sql\": \"SELECT '" + PASSWORD + "' AS leaked\"}");

    assertThat(echoed.outcome()).isEqualTo(Outcome.OK);
    assertThat(echoed.text()).doesNotContain(PASSWORD);
    assertThat(echoed.structured().orElseThrow().toString()).doesNotContain(PASSWORD);
  }
}
