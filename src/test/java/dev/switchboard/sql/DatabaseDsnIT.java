package dev.switchboard.sql;

import dev.switchboard.provider.DatabaseDsn;
import dev.switchboard.provider.DsnScheme;

import static dev.switchboard.sql.Calls.POSTGRESQL;
import static dev.switchboard.sql.Calls.args;
import static dev.switchboard.sql.Calls.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import dev.switchboard.vault.SecretFields;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The DSN the gateway derives is exactly what the tools connect to. */
class DatabaseDsnIT {
  private static final String WHO = "{\"sql\": \"SELECT current_user, current_database(), "
      + "inet_server_port(), host(inet_server_addr()), current_setting('application_name')\"}";
  private static ShopDatabase shop;
  private static SqlToolset tools;

  @BeforeAll
  static void start() {
    shop = ShopDatabase.create();
    tools = new SqlToolset(DsnScheme.POSTGRESQL, TestResolver.loopbackOnly().with("warehouse.invalid", "127.0.0.1"));
  }

  @AfterAll
  static void stop() {
    tools.close();
  }

  @Test
  void theDerivedDsnNamesTheUserDatabaseAndPortTheToolsAreConnectedWith() {
    SecretFields secrets = shop.secrets();
    DatabaseDsn dsn = DatabaseDsn.of(DsnScheme.POSTGRESQL, secrets);

    ToolResult result = tools.call(POSTGRESQL, "query", args(WHO), secrets, context("cred_dsn"));
    JsonNode row = result.structured().orElseThrow().get("rows").get(0);

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(row.get(0).stringValue()).isEqualTo(dsn.user());
    assertThat(row.get(1).stringValue()).isEqualTo(dsn.database());
    assertThat(row.get(2).intValue()).isEqualTo(dsn.port());
    assertThat(row.get(3).stringValue()).isEqualTo(dsn.host());
    assertThat(row.get(4).stringValue()).isEqualTo("switchboard");
    assertThat(dsn.uri()).isEqualTo("postgresql://" + shop.db.user() + "@127.0.0.1:" + shop.db.port()
        + "/" + shop.db.name() + "?sslmode=disable");
  }

  @Test
  void theToolsConnectToTheAddressTheGuardApprovedNotToAFreshLookUp() {
    // .invalid never resolves in DNS (RFC 6761): this only works if the approved address is used.
    SecretFields secrets = shop.secrets(Map.of("host", "warehouse.invalid", "sslmode", "prefer"));

    ToolResult result = tools.call(POSTGRESQL, "query", args(WHO), secrets, context("cred_pinned"));

    assertThat(result.outcome()).isEqualTo(Outcome.OK);
    assertThat(result.structured().orElseThrow().at("/rows/0/3").stringValue()).isEqualTo("127.0.0.1");
    assertThat(DatabaseDsn.of(DsnScheme.POSTGRESQL, secrets).uri()).contains("@warehouse.invalid:").endsWith("?sslmode=prefer");
  }
}
