package dev.switchboard.benchmarks;

import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link JettyFloor} and {@link JavalinFloor} share: a started Jetty client to the upstream,
 * the upstream's GET with its bearer token, and the JSON-RPC answer each writes.
 */
final class FloorUpstream {
  final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient client = new HttpClient();
  private final String url;

  FloorUpstream(String url) throws Exception {
    this.url = url;
    client.setMaxConnectionsPerDestination(64);
    client.start();
  }

  /** The upstream GET, not yet sent. */
  Request get() {
    return client.newRequest(url).headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer bench-upstream-token"));
  }

  /** Sends {@code request}; the future completes with the upstream's text on the client's thread. */
  static CompletableFuture<String> text(Request request) {
    CompletableFuture<String> text = new CompletableFuture<>();
    request.send(new BufferingResponseListener() {
      @Override
      public void onComplete(Result result) {
        if (result.isFailed()) {
          text.completeExceptionally(result.getFailure());
        } else {
          text.complete(getContentAsString());
        }
      }
    });
    return text;
  }

  /** The JSON-RPC result answering {@code rpc}: the upstream's text as one text block. */
  byte[] answer(JsonNode rpc, String text) {
    ObjectNode answer = json.createObjectNode().put("jsonrpc", "2.0").set("id", rpc.get("id"));
    answer.putObject("result").put("isError", false).putArray("content").addObject()
        .put("type", "text").put("text", text);
    return json.writeValueAsBytes(answer);
  }
}
