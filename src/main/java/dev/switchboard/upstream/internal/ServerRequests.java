package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.ClientPeer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The requests a remote MCP server sends to Switchboard's client and who answers them: {@code ping}
 * at once; anything else by the {@link ClientPeer} of the request it relates to — the request whose
 * response stream carried it, or, when the server sent it on a stream of its own (the GET stream,
 * the legacy event stream), the only request with a peer in flight on the connection. With no peer
 * the answer is "method not found". A relayed request is asked on a thread of its own, since the
 * client's answer may take minutes (a person answering an elicitation); at most {@link #MAX_ASKING}
 * at once per connection, more are answered with an error. Thread safe.
 */
final class ServerRequests {
  private final JsonRpc rpc;
  /** Relayed requests waiting for their client at once, on this connection: each holds a thread. */
  static final int MAX_ASKING = 8;
  private final Map<Long, ClientPeer> inFlight = new ConcurrentHashMap<>();
  private final Semaphore asking = new Semaphore(MAX_ASKING);

  ServerRequests(JsonRpc rpc) {
    this.rpc = rpc;
  }

  /** Request {@code id} runs for {@code peer} (null: for nobody) until {@link #done}. */
  void running(long id, ClientPeer peer) {
    if (peer != null) {
      inFlight.put(id, peer);
    }
  }

  void done(long id) {
    inFlight.remove(id);
  }

  /** Answers {@code request} through {@code send} (which posts the answer to the server). */
  void answer(JsonNode request, Long related, Consumer<byte[]> send) {
    String method = request.path("method").asString("");
    ClientPeer peer = method.equals("ping") ? null : peerFor(related);
    if (peer == null) {
      send.accept(rpc.answerTo(request));
      return;
    }
    if (!asking.tryAcquire()) {
      send.accept(busy(request));
      return;
    }
    Thread thread = new Thread(() -> {
      try {
        send.accept(relay(peer, request));
      } finally {
        asking.release();
      }
    }, "mcp-server-request");
    thread.setDaemon(true);
    thread.start();
  }

  /** The answer to a request beyond {@link #MAX_ASKING}: an internal error that says why. */
  private byte[] busy(JsonNode request) {
    ObjectNode message = rpc.object();
    message.put("jsonrpc", "2.0");
    message.set("id", request.get("id"));
    message.putObject("error").put("code", -32603)
        .put("message", "Switchboard is already relaying " + MAX_ASKING + " requests of this server to its client");
    return rpc.json().writeValueAsBytes(message);
  }

  private ClientPeer peerFor(Long related) {
    ClientPeer peer = related == null ? null : inFlight.get(related);
    if (peer != null) {
      return peer;
    }
    List<ClientPeer> all = List.copyOf(inFlight.values());
    return all.size() == 1 ? all.get(0) : null;
  }

  private byte[] relay(ClientPeer peer, JsonNode request) {
    JsonNode answer = peer.ask(request.path("method").asString(""),
        request.path("params").isObject() ? request.get("params") : rpc.object());
    ObjectNode message = rpc.object();
    message.put("jsonrpc", "2.0");
    message.set("id", request.get("id"));
    if (answer.has("result")) {
      message.set("result", answer.get("result"));
    } else {
      message.set("error", answer.path("error").isObject() ? answer.get("error")
          : rpc.object().put("code", -32603).put("message", "the client gave no answer"));
    }
    return rpc.json().writeValueAsBytes(message);
  }
}
