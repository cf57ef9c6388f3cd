package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Switchboard serving the {@link ConformanceFixture}'s tools through the bundle
 * {@code fixture}: an administrator registers the fixture as two MCP providers, {@code test} (its
 * {@code test_…} tools) and {@code json} (its {@code json_…} tool), each at the fixture endpoint
 * that strips that prefix, so that the bundle shows every tool under the name the suite calls
 * ({@code {provider}_{tool}}); a user connects both and bundles all their tools.
 */
record FixtureBundle(TestServer server, String token) implements AutoCloseable {
  static final String SLUG = "fixture";
  /** Provider slug to the tool that verifies a credential. */
  static final Map<String, String> PROVIDERS = Map.of("test", "simple_text", "json", "schema_2020_12_tool");

  static FixtureBundle start(Path dir, ConformanceFixture fixture) {
    TestServer server = TestServer.sqlite(dir);
    try {
      Api admin = new Api(server, Cli.token(server.env(), TestServer.ADMIN_EMAIL));
      String token = Cli.userWithToken(server.env(), "conformance@example.com");
      Api user = new Api(server, token);
      List<String> tools = new ArrayList<>();
      for (String provider : List.of("test", "json")) {
        Api.Answer registered = admin.post("/api/v1/admin/providers/mcp", Map.of("slug", provider,
            "name", "Conformance fixture " + provider, "mcpUrl", fixture.loopbackUrl("/strip/" + provider + "/mcp"),
            "validationTool", PROVIDERS.get(provider), "validationArguments", Map.of()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Api.Answer credential = user.post("/api/v1/credentials?verify=true",
            Map.of("provider", provider, "authMethod", "NONE", "label", "Fixture"));
        assertThat(credential.json().path("verification").asString()).as(credential.body()).isEqualTo("VERIFIED");
        user.get("/api/v1/tools?provider=" + provider).json().path("items")
            .forEach(t -> tools.add(t.path("name").asString()));
      }
      assertThat(tools).contains("test_simple_text", "json_schema_2020_12_tool");
      Api.Answer bundle = user.post("/api/v1/bundles", Map.of("slug", SLUG, "name", "Conformance fixture",
          "tools", tools));
      assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
      user.post("/api/v1/bundles/" + SLUG + "/enable", Map.of());
      return new FixtureBundle(server, token);
    } catch (RuntimeException | AssertionError e) {
      server.close();
      throw e;
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
