package dev.switchboard.interop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
 * A reverse proxy on 127.0.0.1 that adds {@code Authorization: Bearer TOKEN} to every request and
 * forwards it to Switchboard, for MCP clients that cannot send a header (the conformance suite).
 *
 * <p>Transparent otherwise: method, path, query, body and every other header pass unchanged, the
 * {@code Host} and {@code Origin} headers included (so Switchboard's DNS-rebinding checks see what
 * the client sent), and response bodies are streamed as they arrive (SSE). Only hop-by-hop headers
 * (RFC 9110 §7.6.1) are dropped. The JDK server takes requests; the Jetty client sends them on,
 * because the JDK client refuses to send a caller's {@code Host} header.
 */
final class AuthProxy implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
      "te", "trailer", "transfer-encoding", "upgrade", "content-length", "authorization");
  private final HttpServer server;
  private final HttpClient client = new HttpClient();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "auth-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private final URI target;
  private final String authorization;

  private AuthProxy(URI target, String token) throws Exception {
    this.target = target;
    this.authorization = "Bearer " + token;
    client.setFollowRedirects(false);
    client.setUserAgentField(null);
    client.getContentDecoderFactories().clear();
    client.start();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 50);
    server.setExecutor(threads);
    server.createContext("/", this::forward);
    server.start();
  }

  /** A proxy to {@code targetBaseUrl} (scheme, host and port) adding {@code token}. */
  static AuthProxy start(String targetBaseUrl, String token) {
    try {
      return new AuthProxy(URI.create(targetBaseUrl), token);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the proxy", e);
    }
  }

  /** {@code http://127.0.0.1:port} + {@code path}. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Request request = client.newRequest(target.resolve(exchange.getRequestURI().toString()))
          .method(exchange.getRequestMethod())
          .idleTimeout(2, TimeUnit.MINUTES)
          .headers(headers -> {
            headers.clear();
            exchange.getRequestHeaders().forEach((name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> headers.add(name, value));
              }
            });
            headers.put("Authorization", authorization);
          });
      if (body.length > 0) {
        request.body(new BytesRequestContent(body));
      }
      InputStreamResponseListener listener = new InputStreamResponseListener();
      request.send(listener);
      Response response;
      try {
        response = listener.get(30, TimeUnit.SECONDS);
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
      boolean empty = length == 0 || status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
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
