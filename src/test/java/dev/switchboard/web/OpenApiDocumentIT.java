package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The served OpenAPI document names exactly the REST routes the server registers. */
class OpenApiDocumentIT {
  @TempDir
  Path dir;

  @Test
  void documentAndRoutesAgree() {
    try (TestServer server = TestServer.sqlite(dir)) {
      Api.Answer doc = new Api(server, null).get("/api/v1/openapi.json");
      assertThat(doc.status()).isEqualTo(200);
      assertThat(doc.json().path("openapi").asString()).startsWith("3.1");
      Set<String> documented = new HashSet<>();
      JsonNode paths = doc.json().path("paths");
      for (String path : paths.propertyNames()) {
        for (String method : paths.path(path).propertyNames()) {
          documented.add(method + " " + path);
        }
      }
      Set<String> served = new HashSet<>();
      for (ApiRoutes.Route r : server.running().web().apiRoutes()) {
        served.add(r.method() + " " + r.path());
      }
      assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    }
  }
}
