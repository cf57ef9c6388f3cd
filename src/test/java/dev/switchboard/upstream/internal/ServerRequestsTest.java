package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.upstream.ClientPeer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ServerRequestsTest {
  private final JsonMapper json = new JsonMapper();
  private final ServerRequests requests = new ServerRequests(new JsonRpc(json));

  private ClientPeer answering(String who) {
    return (method, params) -> {
      var out = json.createObjectNode();
      out.putObject("result").put("by", who).put("method", method);
      return out;
    };
  }

  private JsonNode answer(String request, Long related) throws Exception {
    CompletableFuture<byte[]> sent = new CompletableFuture<>();
    requests.answer(json.readTree(request), related, sent::complete);
    return json.readTree(sent.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aRequestOnTheResponseStreamOfARequestGoesToItsClientWithTheServersId() throws Exception {
    requests.running(1, answering("alice-session-1"));
    requests.running(2, answering("alice-session-2"));

    JsonNode answer = answer("{\"jsonrpc\":\"2.0\",\"id\":\"s-7\",\"method\":\"sampling/createMessage\",\"params\":{}}", 2L);

    assertThat(answer.path("id").asString()).isEqualTo("s-7");
    assertThat(answer.path("result").path("by").asString()).isEqualTo("alice-session-2");
  }

  @Test
  void aRequestOnAStreamOfItsOwnGoesToTheOnlyRequestInFlightOrIsRefused() throws Exception {
    String roots = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"roots/list\"}";
    assertThat(answer(roots, null).path("error").path("code").asInt()).isEqualTo(-32601);

    requests.running(1, answering("only"));
    assertThat(answer(roots, null).path("result").path("by").asString()).isEqualTo("only");

    requests.running(2, answering("second"));
    assertThat(answer(roots, null).path("error").path("code").asInt()).isEqualTo(-32601);

    requests.done(1);
    requests.done(2);
    assertThat(answer(roots, null).path("error").path("code").asInt()).isEqualTo(-32601);
  }

  @Test
  void pingIsAnsweredAtOnceWithoutAskingTheClient() throws Exception {
    requests.running(1, (method, params) -> {
      throw new AssertionError("the client was asked");
    });

    JsonNode answer = answer("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}", 1L);

    assertThat(answer.path("result").isObject()).isTrue();
    assertThat(answer.path("id").asInt()).isEqualTo(9);
  }

  @Test
  void aClientsErrorGoesUpstreamAsItsError() throws Exception {
    requests.running(1, (method, params) -> {
      var out = json.createObjectNode();
      out.putObject("error").put("code", -32601).put("message", "the client did not declare the sampling capability");
      return out;
    });

    JsonNode answer = answer("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"sampling/createMessage\",\"params\":{}}", 1L);

    assertThat(answer.path("error").path("message").asString()).contains("did not declare");
    assertThat(answer.has("result")).isFalse();
  }
}
