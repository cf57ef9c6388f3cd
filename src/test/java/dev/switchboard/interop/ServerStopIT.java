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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switchboard stops promptly and without error after real clients have come and gone, and while
 * one still listens: its event streams end with the server.
 */
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

    assertThatCode(bundle.server()::close).doesNotThrowAnyException();
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

    assertThatCode(bundle.server()::close).doesNotThrowAnyException();
    stream.body().close();
  }
}
