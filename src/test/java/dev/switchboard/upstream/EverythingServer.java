package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.switchboard.testing.Api;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The MCP reference server {@code @modelcontextprotocol/server-everything}, run with node from
 * {@code target/npm} with the Node 22 installed there (both by {@code scripts/fetch-test-fixtures.sh})
 * and kept on 127.0.0.1 by
 * {@code src/test/node/loopback-only.cjs}. Without it tests are skipped, or fail when {@code CI=true}.
 * Endpoints: {@code /mcp} in mode {@code streamableHttp}; {@code /sse} and {@code /message} in mode
 * {@code sse}.
 */
final class EverythingServer implements AutoCloseable {
  static final String VERSION = "2026.8.31";
  static final Path PACKAGE = Path.of("target/npm/node_modules/@modelcontextprotocol/server-everything");
  static final Path SHIM = Path.of("src/test/node/loopback-only.cjs");
  /** Node 22 from the npm package {@code node}, installed by the same script. */
  static final Path NODE = Path.of("target/npm/node_modules/node/bin/node");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final String mode;
  private final int port;
  private final Path log;
  private Process process;

  private EverythingServer(String mode, int port) {
    this.mode = mode;
    this.port = port;
    this.log = Path.of("target", "server-everything-" + mode + ".log");
  }

  /** Starts the server in {@code mode} ({@code streamableHttp} or {@code sse}) on a free port. */
  static EverythingServer start(String mode) {
    EverythingServer server = new EverythingServer(mode, freePort());
    try {
      Files.deleteIfExists(server.log);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.launch();
    return server;
  }

  /**
   * Registers the server at {@code mcpUrl} as MCP provider {@code slug} named {@code name}, its
   * credentials validated by its {@code echo} tool, through the admin API.
   */
  static void register(Api admin, String slug, String name, String mcpUrl) {
    Api.Answer registered = admin.post("/api/v1/admin/providers/mcp", Map.of("slug", slug, "name", name,
        "mcpUrl", mcpUrl, "validationTool", "echo", "validationArguments", Map.of("message", "ping")));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
  }

  /** {@code http://127.0.0.1:port} + {@code path}. */
  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Stops the process and starts a new one on the same port: every session is gone. */
  void restart() {
    stop();
    launch();
  }

  @Override
  public void close() {
    stop();
  }

  private void launch() {
    String entry = PACKAGE.resolve("dist/index.js").toAbsolutePath().toString();
    ProcessBuilder builder = new ProcessBuilder(NODE.toAbsolutePath().toString(), "-r",
        SHIM.toAbsolutePath().toString(), entry, mode)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("PORT", String.valueOf(port));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run node (see " + log + ")", e);
    }
    Instant until = Instant.now().plus(START_TIMEOUT);
    while (!accepts()) {
      if (!process.isAlive() || Instant.now().isAfter(until)) {
        stop();
        throw new IllegalStateException("server-everything did not start; see " + log);
      }
      sleep(50);
    }
  }

  private void stop() {
    Process running = process;
    process = null;
    if (running == null) {
      return;
    }
    running.destroy();
    try {
      if (!running.waitFor(5, TimeUnit.SECONDS)) {
        running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      running.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean installed() {
    return Files.isRegularFile(PACKAGE.resolve("dist/index.js")) && Files.isExecutable(NODE);
  }

  /** Skips the calling test when the package is missing, or fails it when {@code CI=true}. */
  static void requireInstalled() {
    if (!installed()) {
      String message = PACKAGE + " is missing: run scripts/fetch-test-fixtures.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
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
