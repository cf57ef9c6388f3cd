package dev.switchboard.upstream;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Stoplight Prism ({@code @stoplight/prism-cli}, installed in {@code target/npm} by
 * {@code scripts/fetch-test-fixtures.sh} and run with the Node 22 installed there) mocking one API
 * description with {@code --errors}: a request the description does not allow is answered with an
 * error and its violations in the {@code sl-violations} header. A small recording proxy on
 * 127.0.0.1 stands in front of it so that each exchange's status and violations can be reported.
 */
final class Prism implements AutoCloseable {
  static final String VERSION = "5.16.0";
  static final Path ENTRY = Path.of("target/npm/node_modules/@stoplight/prism-cli/dist/index.js");
  private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "transfer-encoding",
      "upgrade", "keep-alive", "expect");

  /** What Prism answered to one request. */
  record Exchange(String method, String pathAndQuery, int status, String violations) {}

  private final String name;
  private final int prismPort;
  private final Path log;
  private final Process process;
  private final HttpServer proxy;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  private Prism(String name, Path description) throws IOException {
    this.name = name;
    this.prismPort = freePort();
    this.log = Path.of("target", "prism-" + name + ".log");
    Files.deleteIfExists(log);
    ProcessBuilder builder = new ProcessBuilder(EverythingServer.NODE.toAbsolutePath().toString(),
        "--max-old-space-size=3072", "-r", EverythingServer.SHIM.toAbsolutePath().toString(),
        ENTRY.toAbsolutePath().toString(), "mock", "--errors", "-h", "127.0.0.1", "-p", String.valueOf(prismPort),
        description.toAbsolutePath().toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    this.process = builder.start();
    this.proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    proxy.createContext("/", this::forward);
    proxy.start();
  }

  /** Starts Prism on {@code description}; call {@link #awaitListening} before sending to it. */
  static Prism start(String name, Path description) {
    try {
      return new Prism(name, description);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start prism for " + name, e);
    }
  }

  /** Waits until Prism listens (it reads and indexes the whole description first). */
  void awaitListening(Instant until) {
    while (!accepts()) {
      if (!process.isAlive() || Instant.now().isAfter(until)) {
        close();
        throw new IllegalStateException("prism did not start for " + name + "; see " + log);
      }
      sleep(200);
    }
  }

  /** {@code http://127.0.0.1:port} of the recording proxy, + {@code path}. */
  String url(String path) {
    return "http://127.0.0.1:" + proxy.getAddress().getPort() + path;
  }

  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  @Override
  public void close() {
    proxy.stop(0);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String target = exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prismPort + target))
          .timeout(Duration.ofSeconds(60))
          .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((header, values) -> {
        if (!HOP_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
          values.forEach(v -> request.header(header, v));
        }
      });
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      exchanges.add(new Exchange(exchange.getRequestMethod(), target, response.statusCode(),
          response.headers().firstValue("sl-violations").orElse("")));
      response.headers().firstValue("content-type").ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
      byte[] answer = response.body();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), prismPort), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Skips the calling test when Prism or a description is missing, or fails it when {@code CI=true}. */
  static void requireInstalled(Path... descriptions) {
    for (Path path : List.of(descriptions)) {
      if (!Files.isRegularFile(path)) {
        missing(path);
      }
    }
    if (!Files.isRegularFile(ENTRY) || !Files.isExecutable(EverythingServer.NODE)) {
      missing(ENTRY);
    }
  }

  private static void missing(Path path) {
    String message = path + " is missing: run scripts/fetch-test-fixtures.sh";
    if ("true".equals(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
