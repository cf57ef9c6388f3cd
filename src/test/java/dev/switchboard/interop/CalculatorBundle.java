package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

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
    // TODO(lead): call only server.close() once Switchboard ends its event streams when it stops
    // (ServerStopIT, disabled until then). Today the stop waits 2 s for the handlers of SSE streams
    // whose clients already left (noticed only by the next heartbeat, 15-30 s later), then throws,
    // and RunningServer.close() skips closing the rest. Stopping the web server first and letting
    // that one failure pass keeps these tests about the clients; the stop test shows the bug.
    try {
      server.running().web().close();
    } catch (RuntimeException e) {
      if (!(e.getCause() instanceof TimeoutException)) {
        throw e;
      }
    }
    server.close();
  }
}
