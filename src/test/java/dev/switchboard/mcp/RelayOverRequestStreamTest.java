package dev.switchboard.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.vault.Keyring;
import dev.switchboard.vault.Signer;
import dev.switchboard.vault.VaultKey;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client may send its tool call before its GET stream is open (the SDK clients open it in the
 * background after {@code initialize}): a request relayed for that call then goes out on the call's
 * own event-stream answer, as MCP prefers for requests related to a client request, instead of
 * failing for want of a stream (docs/mcp.md, "Relayed server requests").
 */
class RelayOverRequestStreamTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Keyring KEYS = Keyring.of(VaultKey.generate("k1"));
  private final ClientStreams streams =
      new ClientStreams(JSON, Duration.ofSeconds(10), new Signer(() -> KEYS), new SingleInstance());

  @Test
  void withoutAGetStreamTheRequestGoesOutOnTheCallsOwnStreamAndItsAnswerComesBack() throws Exception {
    LinkedBlockingQueue<JsonNode> onTheCallsStream = new LinkedBlockingQueue<>();
    CompletableFuture<JsonNode> outcome = CompletableFuture.supplyAsync(() ->
        streams.ask("session-a", "sampling/createMessage", JSON.createObjectNode(), onTheCallsStream::add));

    JsonNode request = onTheCallsStream.poll(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    assertThat(request.path("method").asString()).isEqualTo("sampling/createMessage");
    ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", request.path("id").asString());
    response.putObject("result").put("role", "assistant");
    assertThat(streams.answered("session-a", response)).isTrue();

    assertThat(outcome.get(5, TimeUnit.SECONDS).path("result").path("role").asString()).isEqualTo("assistant");
  }

  @Test
  void withNeitherStreamTheRequestIsRefusedAtOnce() {
    JsonNode outcome = streams.ask("session-a", "sampling/createMessage", JSON.createObjectNode(), null);

    assertThat(outcome.path("error").path("message").asString()).contains("no open stream");
  }
}
