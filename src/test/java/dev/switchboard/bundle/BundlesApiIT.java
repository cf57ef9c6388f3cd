package dev.switchboard.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundle rules through the API: visibility, ownership, the DIRECT limit, validation of tools. */
class BundlesApiIT {
  @TempDir
  static Path dir;
  static TestServer server;
  static Api owner;
  static Api other;

  @BeforeAll
  static void start() {
    server = TestServer.sqlite(dir);
    owner = new Api(server, Cli.userWithToken(server.env(), "owner@example.com"));
    other = new Api(server, Cli.userWithToken(server.env(), "other@example.com"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aDraftIsInvisibleToOthersExactlyLikeAMissingBundle() {
    owner.post("/api/v1/bundles", Map.of("slug", "draft-one", "name", "Draft", "tools", List.of("calculator_add")));
    for (String path : List.of("/api/v1/bundles/draft-one", "/api/v1/bundles/draft-one/readiness",
        "/api/v1/bundles/draft-one/bindings")) {
      Api.Answer theirs = other.get(path);
      Api.Answer missing = other.get(path.replace("draft-one", "no-such-bundle"));
      assertThat(theirs.status()).isEqualTo(404);
      assertThat(theirs.body()).isEqualTo(missing.body());
    }
    assertThat(other.delete("/api/v1/bundles/draft-one").status()).isEqualTo(404);
    assertThat(other.post("/api/v1/bundles/draft-one/publish", Map.of()).status()).isEqualTo(404);
    assertThat(other.get("/api/v1/bundles").json().path("items").toString()).doesNotContain("draft-one");
    assertThat(owner.get("/api/v1/bundles/draft-one").json().path("publication").asString()).isEqualTo("DRAFT");
  }

  @Test
  void unknownToolsBadSlugsAndTheDirectLimitAreRefusedByField() {
    Api.Answer unknown = owner.post("/api/v1/bundles", Map.of("slug", "bad", "name", "Bad", "tools", List.of("nope_tool")));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("error").path("fields").path("tools").asString()).contains("nope_tool");
    Api.Answer slug = owner.post("/api/v1/bundles", Map.of("slug", "Bad Slug!", "name", "Bad"));
    assertThat(slug.json().path("error").path("fields").has("slug")).isTrue();
    StringBuilder doc = new StringBuilder("openapi: 3.0.3\ninfo: {title: Many, version: '1'}\n"
        + "servers: [{url: 'https://many.example'}]\npaths:\n");
    for (int i = 0; i <= BundleMode.DIRECT_LIMIT; i++) {
      doc.append("  /item").append(i).append(":\n    get:\n      operationId: get_item_").append(i)
          .append("\n      responses: {'200': {description: ok}}\n");
    }
    Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
    assertThat(admin.post("/api/v1/admin/providers/openapi", Map.of("slug", "many", "document", doc.toString()))
        .status()).isEqualTo(201);
    List<String> many = new ArrayList<>();
    owner.get("/api/v1/tools?provider=many").json().path("items").forEach(t -> many.add(t.path("name").asString()));
    assertThat(many.size()).isGreaterThan(BundleMode.DIRECT_LIMIT);
    Api.Answer tooMany = owner.post("/api/v1/bundles", Map.of("slug", "huge", "name", "Huge", "tools", many));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().path("error").path("fields").path("tools").asString()).contains("DYNAMIC");
    Api.Answer dynamic = owner.post("/api/v1/bundles", Map.of("slug", "huge", "name", "Huge", "mode", "DYNAMIC", "tools", many));
    assertThat(dynamic.status()).isEqualTo(201);
    assertThat(owner.post("/api/v1/bundles", Map.of("slug", "huge", "name", "Again")).status()).isEqualTo(409);
  }

  @Test
  void toolsAreAddedAndRemovedAndBindingsMustBeTheCallersOwn() {
    owner.post("/api/v1/bundles", Map.of("slug", "editable", "name", "Editable", "tools", List.of("calculator_add")));
    Api.Answer changed = owner.patch("/api/v1/bundles/editable", Map.of("addTools", List.of("calculator_divide"),
        "removeTools", List.of("calculator_add")));
    assertThat(changed.json().path("tools").toString()).isEqualTo("[\"calculator_divide\"]");
    String theirs = other.post("/api/v1/credentials", Map.of("provider", "calculator", "authMethod", "NONE"))
        .json().path("id").asString();
    Api.Answer foreign = owner.post("/api/v1/bundles/editable/bindings", Map.of("provider", "calculator", "credential", theirs));
    assertThat(foreign.status()).isEqualTo(400);
    String mine = owner.post("/api/v1/credentials?verify=true", Map.of("provider", "calculator", "authMethod", "NONE"))
        .json().path("id").asString();
    assertThat(owner.post("/api/v1/bundles/editable/bindings", Map.of("provider", "calculator", "credential", mine))
        .status()).isEqualTo(200);
    assertThat(owner.get("/api/v1/bundles/editable/readiness").json().path("status").asString()).isEqualTo("OPERATIONAL");
  }
}
