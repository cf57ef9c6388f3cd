package dev.switchboard.authserver;

import dev.switchboard.testing.TestDatabases;
import java.util.Map;

/** {@link AuthorizationServerIT} on a real PostgreSQL (embedded). */
class AuthorizationServerPostgresIT extends AuthorizationServerIT {
  @Override
  Map<String, String> database() {
    return Map.of("SWITCHBOARD_DB_URL", TestDatabases.newPostgresUrl(), "SWITCHBOARD_DB_USER", "postgres",
        "SWITCHBOARD_DB_PASSWORD", "postgres");
  }
}
