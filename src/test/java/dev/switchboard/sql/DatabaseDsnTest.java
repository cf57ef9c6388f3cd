package dev.switchboard.sql;

import dev.switchboard.provider.InvalidDatabaseSettingsException;

import dev.switchboard.provider.DatabaseDsn;
import dev.switchboard.provider.DsnScheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.provider.Catalog;
import dev.switchboard.provider.SchemaField;
import dev.switchboard.vault.SecretFields;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DatabaseDsnTest {
  private static SecretFields fields(Map<String, String> changes) {
    Map<String, String> values = new LinkedHashMap<>(Map.of("host", "db.example.com", "port", "6432",
        "user", "reporting", "password", "s3cret-value", "database", "sales", "sslmode", "require"));
    values.putAll(changes);
    values.values().removeIf(String::isEmpty);
    return SecretFields.of(values);
  }

  @Test
  void formatsALibpqUriWithoutThePassword() {
    DatabaseDsn dsn = DatabaseDsn.of(DsnScheme.POSTGRESQL, fields(Map.of()));

    assertThat(dsn.uri()).isEqualTo("postgresql://reporting@db.example.com:6432/sales?sslmode=require");
    assertThat(dsn.toString()).isEqualTo(dsn.uri()).doesNotContain("s3cret");
  }

  @Test
  void anEmptyPortAndSslModeTakeTheCatalogDefaults() {
    DatabaseDsn dsn = DatabaseDsn.of(DsnScheme.POSTGRESQL, fields(Map.of("port", "", "sslmode", "")));
    var schema = Catalog.load(JsonMapper.builder().build()).require("postgresql").credentialSchema();

    assertThat(dsn.port()).isEqualTo(5432);
    assertThat(dsn.sslmode()).isEqualTo("prefer");
    assertThat(schema.field("port").map(SchemaField::defaultValue)).contains(DsnScheme.POSTGRESQL.defaultPort());
    assertThat(schema.field("sslmode").map(SchemaField::defaultValue)).contains(DsnScheme.POSTGRESQL.defaultSslmode());
  }

  @Test
  void percentEncodesUserAndDatabaseAndBracketsIpv6() {
    DatabaseDsn dsn = DatabaseDsn.of(DsnScheme.POSTGRESQL, fields(Map.of("user", "ana@corp", "database", "my db/ü", "host", "[::1]")));

    assertThat(dsn.host()).isEqualTo("::1");
    assertThat(dsn.uri()).isEqualTo("postgresql://ana%40corp@[::1]:6432/my%20db%2F%C3%BC?sslmode=require");
  }

  @Test
  void trimsSpacesAndAcceptsASignedPort() {
    DatabaseDsn dsn = DatabaseDsn.of(DsnScheme.POSTGRESQL, fields(Map.of("host", " db.example.com ", "port", "+5433 ")));

    assertThat(dsn.host()).isEqualTo("db.example.com");
    assertThat(dsn.port()).isEqualTo(5433);
  }

  @Test
  void malformedOrMissingFieldsAreRefusedWithoutRepeatingTheValue() {
    assertThatThrownBy(() -> DatabaseDsn.of(DsnScheme.POSTGRESQL, fields(Map.of("port", "0"))))
        .isInstanceOf(InvalidDatabaseSettingsException.class)
        .hasMessage("port must be a whole number from 1 to 65535");
    assertThatThrownBy(() -> DatabaseDsn.of(DsnScheme.POSTGRESQL, fields(Map.of("port", "54x2"))))
        .hasMessage("port must be a whole number from 1 to 65535");
    assertThatThrownBy(() -> DatabaseDsn.of(DsnScheme.POSTGRESQL, fields(Map.of("sslmode", "always"))))
        .hasMessageStartingWith("sslmode must be one of");
    assertThatThrownBy(() -> DatabaseDsn.of(DsnScheme.POSTGRESQL, fields(Map.of("host", "db,evil.example"))))
        .hasMessage("host must be a host name or an IP address");
    assertThatThrownBy(() -> DatabaseDsn.of(DsnScheme.POSTGRESQL, fields(Map.of("host", "db/x?sslmode=disable"))))
        .hasMessage("host must be a host name or an IP address");
    assertThatThrownBy(() -> DatabaseDsn.of(DsnScheme.POSTGRESQL, fields(Map.of("user", ""))))
        .hasMessage("user is required");
    assertThatThrownBy(() -> DatabaseDsn.of(DsnScheme.POSTGRESQL, fields(Map.of("database", " "))))
        .isInstanceOfSatisfying(InvalidDatabaseSettingsException.class,
            e -> assertThat(e.code()).isEqualTo("invalid_database_settings"))
        .hasMessage("database is required");
  }
}
