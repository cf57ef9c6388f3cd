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
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;

/**
 * A reverse proxy on 127.0.0.1 that forwards each request where its {@link Router} says, for tests
 * that put something between a client and Switchboard ({@code interop.AuthProxy},
 * {@link NoAffinityProxy}). Transparent otherwise: method, path, query, body and every other header
 * pass unchanged, the {@code Host} and {@code Origin} headers included, and response bodies are
 * streamed as they arrive (SSE). Hop-by-hop headers (RFC 9110 §7.6.1) are dropped. The JDK server
 * takes requests; the Jetty client sends them on, because the JDK client refuses to send a caller's
 * {@code Host} header. An upstream that does not answer within the wait is a 502.
 */
public final class StreamingProxy implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
      "te", "trailer", "transfer-encoding", "upgrade", "content-length");

  /** Where one request goes (scheme, host and port) and the headers set on it there. */
  public record Target(URI base, Map<String, String> headers) {}

  /** Chooses the target of a request, given its body. */
  @FunctionalInterface
  public interface Router {
    Target route(HttpExchange exchange, byte[] body);
  }

  private final HttpServer server;
  private final HttpClient client = new HttpClient();
  private final ExecutorService threads;
  private final Set<String> dropped;
  private final Duration wait;
  private final Router router;

  private StreamingProxy(String name, Set<String> alsoDropped, Duration wait, Router router) throws Exception {
    this.threads = Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    });
    Set<String> all = new HashSet<>(HOP_BY_HOP);
    all.addAll(alsoDropped);
    this.dropped = Set.copyOf(all);
    this.wait = wait;
    this.router = router;
    client.setFollowRedirects(false);
    client.setUserAgentField(null);
    client.getContentDecoderFactories().clear();
    client.start();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 50);
    server.setExecutor(threads);
    server.createContext("/", this::forward);
    server.start();
  }

  /**
   * A started proxy whose threads are named {@code name}; request and response headers named in
   * {@code alsoDropped} (lower case) are dropped besides the hop-by-hop ones; {@code wait}: how
   * long an upstream may take to start its answer.
   */
  public static StreamingProxy start(String name, Set<String> alsoDropped, Duration wait, Router router) {
    try {
      return new StreamingProxy(name, alsoDropped, wait, router);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the proxy", e);
    }
  }

  /** {@code http://127.0.0.1:port} + {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Target target = router.route(exchange, body);
      Request request = client.newRequest(target.base().resolve(exchange.getRequestURI().toString()))
          .method(exchange.getRequestMethod())
          .idleTimeout(2, TimeUnit.MINUTES)
          .headers(headers -> {
            headers.clear();
            exchange.getRequestHeaders().forEach((name, values) -> {
              if (!dropped.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> headers.add(name, value));
              }
            });
            target.headers().forEach(headers::put);
          });
      if (body.length > 0) {
        request.body(new BytesRequestContent(body));
      }
      InputStreamResponseListener listener = new InputStreamResponseListener();
      request.send(listener);
      Response response;
      try {
        response = listener.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        byte[] message = ("proxy: " + e).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(502, message.length);
        exchange.getResponseBody().write(message);
        return;
      }
      response.getHeaders().forEach(field -> {
        if (!dropped.contains(field.getLowerCaseName())) {
          exchange.getResponseHeaders().add(field.getName(), field.getValue());
        }
      });
      long length = response.getHeaders().getLongField("Content-Length");
      int status = response.getStatus();
      boolean empty = length == 0 || status == 202 || status == 204 || status == 304
          || "HEAD".equals(exchange.getRequestMethod());
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
