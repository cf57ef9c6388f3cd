package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switchboard stops promptly and without error after real clients have come and gone, and while
 * one still listens: its event streams end with the server.
 */
@Disabled("TODO(lead): Switchboard does not end its SSE streams when it stops, when their session"
    + " is deleted, or until a heartbeat finds their client gone (15-30 s); the stop then waits 2 s"
    + " and throws. Enable with the fix, and drop the workaround in CalculatorBundle.close().")
class ServerStopIT {
  @TempDir
  Path dir;

  @Test
  void stopsPromptlyAfterTheSdkClientEndedItsSessionAndLeft() {
    NodePeers.require();
    CalculatorBundle bundle = CalculatorBundle.start(dir);
    NodeProcess.Result result = NodeProcess.run(NodePeers.script("sdk-client.mjs"), List.of(),
        Map.of("MCP_URL", bundle.url(), "MCP_TOKEN", bundle.token(), "MCP_TOOL", "calculator_add",
            "MCP_ARGS", "{\"a\":1,\"b\":1}"), Duration.ofSeconds(60));
    assertThat(result.exitCode()).as(result.toString()).isZero();

    long start = System.nanoTime();
    assertThatCode(bundle.server()::close).doesNotThrowAnyException();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void stopsPromptlyWhileAClientHoldsAStreamOpen() throws Exception {
    CalculatorBundle bundle = CalculatorBundle.start(dir);
    HttpClient http = HttpClient.newHttpClient();
    String sse = bundle.server().url("/mcp/bundle/" + CalculatorBundle.SLUG + "/sse");
    HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(sse))
        .header("Authorization", "Bearer " + bundle.token()).header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);

    long start = System.nanoTime();
    assertThatCode(bundle.server()::close).doesNotThrowAnyException();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    stream.body().close();
  }
}
