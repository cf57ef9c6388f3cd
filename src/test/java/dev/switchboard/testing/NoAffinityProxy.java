package dev.switchboard.testing;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A load balancer without session affinity in front of two Switchboard instances, on 127.0.0.1, that
 * spreads one MCP session over both so that every relay has to cross between them: the session's
 * GET stream goes to the second instance, a POST of a JSON-RPC request or notification (tool calls
 * among them) and a DELETE to the first, and the POSTs of the client's answers to relayed requests
 * to each in turn, the second first. Transparent otherwise ({@link StreamingProxy}). Each request is
 * recorded with the instance that served it.
 */
public final class NoAffinityProxy implements AutoCloseable {
  /** One request: which instance (0 or 1) served it, the HTTP method, and the JSON-RPC method or "response". */
  public record Routed(int instance, String httpMethod, String rpc) {}

  private final List<URI> targets;
  private final AtomicInteger answers = new AtomicInteger();
  private final List<Routed> routed = new CopyOnWriteArrayList<>();
  private final StreamingProxy proxy;

  private NoAffinityProxy(List<URI> targets) {
    this.targets = targets;
    this.proxy = StreamingProxy.start("no-affinity-proxy", Set.of(), Duration.ofSeconds(60), this::route);
  }

  /** A proxy to the base URLs (scheme, host and port) of two instances. */
  public static NoAffinityProxy start(String first, String second) {
    return new NoAffinityProxy(List.of(URI.create(first), URI.create(second)));
  }

  /** {@code http://127.0.0.1:port} + {@code path}. */
  public String url(String path) {
    return proxy.url(path);
  }

  /** The requests forwarded so far, in order. */
  public List<Routed> routed() {
    return List.copyOf(routed);
  }

  private StreamingProxy.Target route(HttpExchange exchange, byte[] body) {
    String rpc = rpc(body);
    int instance = exchange.getRequestMethod().equals("GET") ? 1
        : rpc.equals("response") ? (answers.getAndIncrement() + 1) % 2 : 0;
    routed.add(new Routed(instance, exchange.getRequestMethod(), rpc));
    return new StreamingProxy.Target(targets.get(instance), Map.of());
  }

  /** The JSON-RPC method a body carries, "response" for an answer, "" for none. */
  private static String rpc(byte[] body) {
    if (body.length == 0) {
      return "";
    }
    try {
      JsonNode message = Api.JSON.readTree(body);
      if (message.has("method")) {
        return message.path("method").asString("");
      }
      return message.has("result") || message.has("error") ? "response" : "";
    } catch (RuntimeException e) {
      return "";
    }
  }

  @Override
  public void close() {
    proxy.close();
  }
}
