package dev.switchboard.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import tools.jackson.databind.JsonNode;

/**
 * A load balancer without session affinity in front of two Switchboard instances, on 127.0.0.1, that
 * spreads one MCP session over both so that every relay has to cross between them: the session's
 * GET stream goes to the second instance, a POST of a JSON-RPC request or notification (tool calls
 * among them) and a DELETE to the first, and the POSTs of the client's answers to relayed requests
 * to each in turn, the second first. Transparent otherwise (method, path, headers, body; responses
 * streamed as they arrive, SSE included; hop-by-hop headers dropped). Each request is recorded with
 * the instance that served it.
 */
public final class NoAffinityProxy implements AutoCloseable {
  /** One request: which instance (0 or 1) served it, the HTTP method, and the JSON-RPC method or "response". */
  public record Routed(int instance, String httpMethod, String rpc) {}

  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
      "te", "trailer", "transfer-encoding", "upgrade", "content-length");
  private final HttpServer server;
  private final HttpClient client = new HttpClient();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "no-affinity-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private final List<URI> targets;
  private final AtomicInteger answers = new AtomicInteger();
  private final List<Routed> routed = new CopyOnWriteArrayList<>();

  private NoAffinityProxy(List<URI> targets) throws Exception {
    this.targets = targets;
    client.setFollowRedirects(false);
    client.setUserAgentField(null);
    client.getContentDecoderFactories().clear();
    client.start();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 50);
    server.setExecutor(threads);
    server.createContext("/", this::forward);
    server.start();
  }

  /** A proxy to the base URLs (scheme, host and port) of two instances. */
  public static NoAffinityProxy start(String first, String second) {
    try {
      return new NoAffinityProxy(List.of(URI.create(first), URI.create(second)));
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the proxy", e);
    }
  }

  /** {@code http://127.0.0.1:port} + {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The requests forwarded so far, in order. */
  public List<Routed> routed() {
    return List.copyOf(routed);
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String rpc = rpc(body);
      int instance = exchange.getRequestMethod().equals("GET") ? 1
          : rpc.equals("response") ? (answers.getAndIncrement() + 1) % 2 : 0;
      routed.add(new Routed(instance, exchange.getRequestMethod(), rpc));
      Request request = client.newRequest(targets.get(instance).resolve(exchange.getRequestURI().toString()))
          .method(exchange.getRequestMethod())
          .idleTimeout(2, TimeUnit.MINUTES)
          .headers(headers -> {
            headers.clear();
            exchange.getRequestHeaders().forEach((name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> headers.add(name, value));
              }
            });
          });
      if (body.length > 0) {
        request.body(new BytesRequestContent(body));
      }
      InputStreamResponseListener listener = new InputStreamResponseListener();
      request.send(listener);
      Response response;
      try {
        response = listener.get(60, TimeUnit.SECONDS);
      } catch (Exception e) {
        byte[] message = ("proxy: " + e).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(502, message.length);
        exchange.getResponseBody().write(message);
        return;
      }
      response.getHeaders().forEach(field -> {
        if (!HOP_BY_HOP.contains(field.getLowerCaseName())) {
          exchange.getResponseHeaders().add(field.getName(), field.getValue());
        }
      });
      long length = response.getHeaders().getLongField("Content-Length");
      int status = response.getStatus();
      boolean empty = length == 0 || status == 202 || status == 204 || status == 304;
      // 0 asks the JDK server for chunked encoding: the length of a stream is not known
      exchange.sendResponseHeaders(status, empty ? -1 : Math.max(length, 0));
      try (InputStream in = listener.getInputStream(); OutputStream out = exchange.getResponseBody()) {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    }
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
    server.stop(0);
    try {
      client.stop();
    } catch (Exception ignored) {
      // stopping aborts the streams still open; nothing else to release
    }
    threads.shutdownNow();
  }
}
