package dev.switchboard.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP server (the JDK's) on a loopback address and a free port, for tests of outbound
 * calls. Every request is recorded before its handler runs. Handlers run on their own threads, so a
 * slow one does not hold up the others.
 */
public final class LocalHttpServer implements AutoCloseable {
  /** One request as the server saw it; header names in lower case. */
  public record Recorded(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "local-http-server");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final String host;

  private LocalHttpServer(InetAddress address) throws IOException {
    server = HttpServer.create(new InetSocketAddress(address, 0), 50);
    server.setExecutor(threads);
    server.start();
    String text = address.getHostAddress();
    host = text.contains(":") ? "[" + text + "]" : text;
  }

  /** A server on 127.0.0.1. */
  public static LocalHttpServer start() {
    try {
      return start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A server on {@code address}, which must be a loopback address. */
  public static LocalHttpServer start(InetAddress address) {
    if (!address.isLoopbackAddress()) {
      throw new IllegalArgumentException("tests only listen on loopback addresses");
    }
    try {
      return new LocalHttpServer(address);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + address, e);
    }
  }

  /** Serves {@code path} (and everything under it) with {@code handler}. */
  public LocalHttpServer on(String path, HttpHandler handler) {
    server.createContext(path, exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Map<String, List<String>> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
      try {
        handler.handle(exchange);
      } finally {
        exchange.close();
      }
    });
    return this;
  }

  /** A handler answering {@code status} with a text body and the given header pairs. */
  public static HttpHandler answer(int status, String body, String... headerPairs) {
    return exchange -> {
      for (int i = 0; i < headerPairs.length; i += 2) {
        exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    };
  }

  /**
   * An authorization endpoint that approves at once: a 302 to the request's {@code redirect_uri}
   * with {@code code} and the request's {@code state} (RFC 6749 §4.1.2).
   */
  public static HttpHandler approvingAuthorization(String code) {
    return exchange -> {
      String redirect = "";
      String state = "";
      for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        String value = kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
        if (kv[0].equals("redirect_uri")) {
          redirect = value;
        } else if (kv[0].equals("state")) {
          state = value;
        }
      }
      redirect(302, redirect + "?code=" + code + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8))
          .handle(exchange);
    };
  }

  /** A handler answering a redirect to {@code location}. */
  public static HttpHandler redirect(int status, String location) {
    return answer(status, "", "Location", location);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:port} + {@code path}. */
  public String url(String path) {
    return "http://" + host + ":" + port() + path;
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
