package dev.switchboard.interop;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The MCP server the conformance suite's server scenarios expect ({@code src/test/node/conformance-fixture.mjs},
 * on the official TypeScript SDK), run with the Node 22 from {@code target/npm} on a free port of
 * 127.0.0.1 (kept there by {@code src/test/node/loopback-only.cjs}). Its output goes to
 * {@code target/conformance-fixture.log}.
 */
final class ConformanceFixture implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private final int port;
  private final Process process;

  private ConformanceFixture(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  static ConformanceFixture start() {
    int port = freePort();
    Path script = NodePeers.script("conformance-fixture.mjs");
    ProcessBuilder builder = new ProcessBuilder(NodePeers.node().toAbsolutePath().toString(), "-r",
        Path.of("src/test/node/loopback-only.cjs").toAbsolutePath().toString(), script.toAbsolutePath().toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/conformance-fixture.log").toFile()));
    builder.environment().put("PORT", String.valueOf(port));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run node", e);
    }
    ConformanceFixture fixture = new ConformanceFixture(port, process);
    Instant until = Instant.now().plus(START_TIMEOUT);
    while (!fixture.accepts()) {
      if (!process.isAlive() || Instant.now().isAfter(until)) {
        fixture.close();
        throw new IllegalStateException("the conformance fixture did not start; see target/conformance-fixture.log");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fixture.close();
        throw new IllegalStateException(e);
      }
    }
    return fixture;
  }

  /** {@code http://localhost:port} + {@code path}: the suite's DNS-rebinding checks want a localhost name. */
  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** The same on 127.0.0.1, the address Switchboard's outbound guard is told to allow in tests. */
  String loopbackUrl(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
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

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
