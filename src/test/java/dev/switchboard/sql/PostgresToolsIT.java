package dev.switchboard.sql;

import dev.switchboard.provider.DsnScheme;
import static dev.switchboard.sql.Calls.POSTGRESQL;
import static dev.switchboard.sql.Calls.args;
import static dev.switchboard.sql.Calls.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.tool.BuiltinCall;
import dev.switchboard.tool.Tool;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each tool against a real, seeded PostgreSQL database. */
class PostgresToolsIT {
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

  private static ToolResult call(String operation, String arguments) {
    return tools.call(POSTGRESQL, operation, args(arguments), shop.secrets(), context("cred_tools"));
  }

  private static List<String> names(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.get(field).stringValue()));
    return out;
  }

  @Test
  void toolsAreNamedAfterTheProviderWithBuiltinRecipesAndClosedSchemas() {
    List<Tool> list = tools.tools(POSTGRESQL);

    assertThat(list).extracting(Tool::name).containsExactly("postgresql_list_schemas",
        "postgresql_list_tables", "postgresql_describe_table", "postgresql_query", "postgresql_explain");
    assertThat(list).extracting(Tool::recipe).containsExactly(new BuiltinCall("postgresql", "list_schemas"),
        new BuiltinCall("postgresql", "list_tables"), new BuiltinCall("postgresql", "describe_table"),
        new BuiltinCall("postgresql", "query"), new BuiltinCall("postgresql", "explain"));
    for (Tool tool : list) {
      assertThat(tool.inputSchema().get("type").stringValue()).isEqualTo("object");
      assertThat(tool.inputSchema().get("additionalProperties").booleanValue()).isFalse();
      assertThat(tool.description()).isNotBlank();
      assertThat(tool.requiredScopes()).isEmpty();
    }
    JsonNode query = list.get(3).inputSchema();
    assertThat(query.get("required").get(0).stringValue()).isEqualTo("sql");
    assertThat(query.at("/properties/max_rows/maximum").intValue()).isEqualTo(500);
    assertThat(list.get(3).description()).contains("READ ONLY", "5 s", "500 rows");
  }

  @Test
  void providersOfOtherToolSetsGetNoTools() {
    assertThat(tools.tools(Calls.CATALOG.require("calculator"))).isEmpty();
  }

  @Test
  void theCatalogValidatesCredentialsWithAToolThatExists() {
    assertThat(tools.tools(POSTGRESQL)).extracting(Tool::localName).contains(POSTGRESQL.validation().tool());
  }

  @Test
  void listSchemasShowsTheUserSchemasButNotTheSystemOnes() {
    ToolResult result = call("list_schemas", "{}");

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    List<String> schemas = names(result.structured().orElseThrow().get("schemas"), "name");
    assertThat(schemas).contains("analytics", "public").doesNotContain("pg_catalog", "information_schema");
    assertThat(result.text()).contains("analytics", "public");
  }

  @Test
  void listTablesDefaultsToPublicAndNamesEachKind() {
    JsonNode pub = call("list_tables", "{}").structured().orElseThrow();
    JsonNode analytics = call("list_tables", "{\"schema\": \"analytics\"}").structured().orElseThrow();

    assertThat(pub.get("schema").stringValue()).isEqualTo("public");
    assertThat(names(pub.get("tables"), "name")).containsExactly("customers", "orders");
    assertThat(pub.at("/tables/1/kind").stringValue()).isEqualTo("table");
    assertThat(pub.at("/tables/1/estimatedRows").longValue()).isEqualTo(4);
    assertThat(pub.at("/tables/1/comment").stringValue()).isEqualTo("Customer orders");
    assertThat(names(analytics.get("tables"), "name")).containsExactly("paid_orders");
    assertThat(analytics.at("/tables/0/kind").stringValue()).isEqualTo("view");
  }

  @Test
  void listTablesOfAMissingSchemaSaysItDoesNotExist() {
    ToolResult result = call("list_tables", "{\"schema\": \"nope\"}");

    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(result.text()).contains("schema \"nope\" does not exist");
  }

  @Test
  void describeTableShowsColumnsPrimaryAndForeignKeysChecksAndIndexes() {
    ToolResult result = call("describe_table", "{\"table\": \"orders\"}");
    JsonNode d = result.structured().orElseThrow();

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(d.get("kind").stringValue()).isEqualTo("table");
    assertThat(names(d.get("columns"), "name"))
        .containsExactly("id", "customer_id", "total", "paid", "placed_on", "details");
    JsonNode id = d.get("columns").get(0);
    assertThat(id.get("type").stringValue()).isEqualTo("bigint");
    assertThat(id.get("nullable").booleanValue()).isFalse();
    assertThat(id.get("identity").stringValue()).isEqualTo("always");
    assertThat(id.get("primaryKey").booleanValue()).isTrue();
    JsonNode total = d.get("columns").get(2);
    assertThat(total.get("type").stringValue()).isEqualTo("numeric(10,2)");
    assertThat(total.get("default").stringValue()).isEqualTo("0");
    assertThat(total.get("comment").stringValue()).isEqualTo("Order total in euros");
    assertThat(total.get("primaryKey").booleanValue()).isFalse();
    assertThat(d.get("columns").get(4).get("nullable").booleanValue()).isTrue();
    assertThat(d.at("/primaryKey/name").stringValue()).isEqualTo("orders_pkey");
    assertThat(names(d.get("foreignKeys"), "name")).containsExactly("orders_customer_id_fkey");
    JsonNode fk = d.get("foreignKeys").get(0);
    assertThat(fk.at("/columns/0").stringValue()).isEqualTo("customer_id");
    assertThat(fk.at("/references/schema").stringValue()).isEqualTo("public");
    assertThat(fk.at("/references/table").stringValue()).isEqualTo("customers");
    assertThat(fk.at("/references/columns/0").stringValue()).isEqualTo("id");
    assertThat(fk.get("onDelete").stringValue()).isEqualTo("CASCADE");
    assertThat(d.at("/checks/0/definition").stringValue()).isEqualTo("CHECK ((total >= (0)::numeric))");
    assertThat(names(d.get("indexes"), "name")).containsExactly("orders_customer_idx", "orders_pkey");
    assertThat(d.at("/indexes/1/primary").booleanValue()).isTrue();
    assertThat(result.text()).contains("Table public.orders — Customer orders", "Primary key: orders_pkey (id)",
        "orders_customer_id_fkey: (customer_id) references public.customers (id)", "on delete CASCADE",
        "CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id)");
  }

  @Test
  void describeTableFindsViewsInOtherSchemas() {
    JsonNode d = call("describe_table", "{\"schema\": \"analytics\", \"table\": \"paid_orders\"}")
        .structured().orElseThrow();

    assertThat(d.get("kind").stringValue()).isEqualTo("view");
    assertThat(d.get("primaryKey").isNull()).isTrue();
    assertThat(d.get("columns")).hasSize(6);
  }

  @Test
  void describeTableOfAMissingTableSaysItDoesNotExist() {
    ToolResult result = call("describe_table", "{\"table\": \"Orders\"}");

    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(result.text()).contains("table public.Orders does not exist");
  }

  @Test
  void queryReturnsTypedColumnsAndRowsAsStructuredContentAndAsATextTable() {
    ToolResult result = call("query", """
        {"sql": "SELECT o.id, o.total, o.paid, o.placed_on, o.details, c.name FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id"}""");
    JsonNode s = result.structured().orElseThrow();

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(names(s.get("columns"), "name")).containsExactly("id", "total", "paid", "placed_on", "details", "name");
    assertThat(names(s.get("columns"), "type")).containsExactly("int8", "numeric", "bool", "date", "jsonb", "text");
    assertThat(s.get("rowCount").intValue()).isEqualTo(4);
    assertThat(s.get("truncated").booleanValue()).isFalse();
    JsonNode first = s.get("rows").get(0);
    assertThat(first.get(0).longValue()).isEqualTo(1);
    assertThat(first.get(1).decimalValue()).isEqualByComparingTo("12.50");
    assertThat(first.get(2).booleanValue()).isTrue();
    assertThat(first.get(3).stringValue()).isEqualTo("2024-05-01");
    assertThat(first.get(4).get("items").intValue()).isEqualTo(2);
    assertThat(first.get(5).stringValue()).isEqualTo("Ada");
    assertThat(s.at("/rows/2/3").isNull()).isTrue();
    assertThat(s.at("/rows/3/4/1").intValue()).isEqualTo(2);
    assertThat(s.at("/rows/3/5").isNull()).isTrue();
    assertThat(result.text()).contains("id | total | paid", "| Ada", "NULL", "(4 rows)").doesNotContain("Notice");
  }

  @Test
  void rowsThatHoldTheCredentialsPasswordComeBackRedactedInTextColumnsAndValues() {
    String password = shop.secrets().get("password").orElseThrow();
    String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
    ToolResult result = call("query", "{\"sql\": \"SELECT 'pw=' || '" + password + "' AS secret, '" + encoded
        + "' AS encoded, 1 AS \\\"" + password + "\\\"\"}");

    assertThat(result.outcome()).as(result.text()).isEqualTo(Outcome.OK);
    JsonNode s = result.structured().orElseThrow();
    assertThat(s.at("/rows/0/0").stringValue()).isEqualTo("pw=[redacted]");
    assertThat(s.at("/rows/0/1").stringValue()).isEqualTo("[redacted]");
    assertThat(names(s.get("columns"), "name")).containsExactly("secret", "encoded", "[redacted]");
    assertThat(result.text()).doesNotContain(password).contains("pw=[redacted]");
  }

  @Test
  void queryAcceptsATrailingSemicolonAndComments() {
    ToolResult result = call("query", "{\"sql\": \"/* count */ SELECT count(*) AS n FROM customers; \"}");

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(result.structured().orElseThrow().at("/rows/0/0").intValue()).isEqualTo(3);
  }

  @Test
  void querySyntaxErrorsComeBackWithTheServersMessage() {
    ToolResult result = call("query", "{\"sql\": \"SELECT * FROM nowhere\"}");

    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(result.text()).contains("relation \"nowhere\" does not exist", "at character 15");
  }

  @Test
  void explainShowsThePlanWithoutRunningTheStatement() throws Exception {
    List<Object> before = shop.snapshot();

    ToolResult text = call("explain", "{\"sql\": \"DELETE FROM orders WHERE customer_id = 1\"}");
    ToolResult json = call("explain", "{\"sql\": \"SELECT * FROM orders\", \"format\": \"json\"}");

    assertThat(text.outcome()).isEqualTo(Outcome.OK);
    assertThat(text.text()).contains("Delete on orders").doesNotContain("actual time");
    assertThat(json.structured().orElseThrow().at("/plan/0/Plan/Node Type").stringValue()).isEqualTo("Seq Scan");
    assertThat(shop.snapshot()).isEqualTo(before);
  }

  @Test
  void explainRefusesAnalyzeAndOtherStatements() {
    ToolResult result = call("explain", "{\"sql\": \"EXPLAIN ANALYZE DELETE FROM orders\"}");

    assertThat(result.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(result.text()).contains("EXPLAIN statements cannot run here");
  }

  @Test
  void argumentsOutsideTheSchemaAreInvalid() {
    assertThat(call("query", "{\"sql\": \"SELECT 1\", \"limit\": 3}").outcome()).isEqualTo(Outcome.INVALID_ARGUMENTS);
    assertThat(call("query", "{}").outcome()).isEqualTo(Outcome.INVALID_ARGUMENTS);
    assertThat(call("describe_table", "{\"table\": 7}").outcome()).isEqualTo(Outcome.INVALID_ARGUMENTS);
    assertThat(call("explain", "{\"sql\": \"SELECT 1\", \"format\": \"xml\"}").outcome())
        .isEqualTo(Outcome.INVALID_ARGUMENTS);
    assertThat(call("drop_everything", "{}").outcome()).isEqualTo(Outcome.INVALID_ARGUMENTS);
  }
}
