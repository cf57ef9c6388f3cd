package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real Switchboard with one user, a verified credential for the built-in calculator and the
 * bundle {@code maths} of {@code calculator_add} and {@code calculator_divide}, set up through the
 * command line and the REST API as a person would.
 */
record CalculatorBundle(TestServer server, String token) implements AutoCloseable {
  static final String SLUG = "maths";

  static CalculatorBundle start(Path dir) {
    TestServer server = TestServer.sqlite(dir);
    try {
      String token = Cli.userWithToken(server.env(), "interop@example.com");
      Api api = new Api(server, token);
      Api.Answer credential = api.post("/api/v1/credentials?verify=true",
          Map.of("provider", "calculator", "authMethod", "NONE", "label", "Calculator", "fields", Map.of()));
      assertThat(credential.status()).as(credential.body()).isEqualTo(201);
      assertThat(credential.json().path("verification").asString()).isEqualTo("VERIFIED");
      Api.Answer bundle = api.post("/api/v1/bundles", Map.of("slug", SLUG, "name", "Maths",
          "tools", List.of("calculator_add", "calculator_divide")));
      assertThat(bundle.status()).as(bundle.body()).isEqualTo(201);
      return new CalculatorBundle(server, token);
    } catch (RuntimeException | AssertionError e) {
      server.close();
      throw e;
    }
  }

  /** The Streamable HTTP endpoint of the bundle. */
  String url() {
    return server.url("/mcp/bundle/" + SLUG);
  }

  @Override
  public void close() {
    server.close();
  }
}
