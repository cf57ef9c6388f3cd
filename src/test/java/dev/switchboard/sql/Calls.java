package dev.switchboard.sql;

import dev.switchboard.provider.Catalog;
import dev.switchboard.provider.Provider;
import dev.switchboard.upstream.CallContext;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers to call the tools as the gateway would. */
final class Calls {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Catalog CATALOG = Catalog.load(JSON);
  static final Provider POSTGRESQL = CATALOG.require("postgresql");
  static final Provider MYSQL = CATALOG.require("mysql");

  private Calls() {}

  static JsonNode args(String json) {
    return JSON.readTree(json);
  }

  /** A call for credential {@code credentialId} with 30 s left on {@code clock}. */
  static CallContext context(String credentialId, Clock clock) {
    return new CallContext("user_1", credentialId, clock.instant().plus(Duration.ofSeconds(30)));
  }

  static CallContext context(String credentialId) {
    return context(credentialId, Clock.systemUTC());
  }
}
