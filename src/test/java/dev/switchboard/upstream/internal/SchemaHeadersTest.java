package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.provider.Catalog;
import dev.switchboard.provider.DatabaseDsn;
import dev.switchboard.provider.DsnScheme;
import dev.switchboard.provider.Provider;
import dev.switchboard.vault.SecretFields;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The standard headers of schema-driven credentials, for the SaaS and the database shapes. */
class SchemaHeadersTest {
  private final Catalog catalog = Catalog.load(JsonMapper.builder().build());

  private static Map<String, String> headers(OutgoingRequest request) {
    Map<String, String> out = new HashMap<>();
    request.headers.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  @Test
  void aDatabaseCredentialYieldsTheDsnTheToolsUseAndNeverThePassword() {
    Provider postgres = catalog.require("postgresql");
    SecretFields fields = SecretFields.of(Map.of("host", "db.example.com", "port", "5433",
        "user", "reporter", "password", "pg-secret-value", "database", "sales", "sslmode", "require"));
    OutgoingRequest request = new OutgoingRequest("GET", "https://db.example.com");
    SchemaHeaders.apply(postgres, fields, request);
    Map<String, String> headers = headers(request);
    assertThat(headers.get("x-postgresql-dsn")).isEqualTo(DatabaseDsn.of(DsnScheme.POSTGRESQL, fields).uri())
        .isEqualTo("postgresql://reporter@db.example.com:5433/sales?sslmode=require");
    assertThat(headers.get("x-postgresql-host")).isEqualTo("db.example.com");
    assertThat(headers.get("x-postgresql-user")).isEqualTo("reporter");
    assertThat(headers.values()).noneMatch(v -> v.contains("pg-secret-value"));
  }

  @Test
  void aSaasCredentialYieldsTheInstanceUrlHeaderAndNoSecret() {
    Provider jira = catalog.require("jira-cloud");
    SecretFields fields = SecretFields.of(Map.of("instance_url", "https://acme.atlassian.net",
        "email", "me@acme.com", "api_key", "jira-secret-token"));
    OutgoingRequest request = new OutgoingRequest("GET", "https://acme.atlassian.net");
    SchemaHeaders.apply(jira, fields, request);
    Map<String, String> headers = headers(request);
    assertThat(headers).containsEntry("x-jira-cloud-instance-url", "https://acme.atlassian.net")
        .containsEntry("x-jira-cloud-email", "me@acme.com");
    assertThat(headers.values()).noneMatch(v -> v.contains("jira-secret-token"));
  }
}
