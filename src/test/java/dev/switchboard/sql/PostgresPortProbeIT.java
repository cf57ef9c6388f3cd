package dev.switchboard.sql;

import dev.switchboard.provider.DsnScheme;
import static dev.switchboard.sql.Calls.POSTGRESQL;
import static dev.switchboard.sql.Calls.args;
import static dev.switchboard.sql.Calls.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.LocalHttpServer;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import dev.switchboard.vault.SecretFields;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A PostgreSQL credential is not a port scanner: pointed at an open port where something other
 * than PostgreSQL listens (an HTTP server that waits, a service that hangs up, one that greets
 * first) it answers exactly as for a closed port — same outcome, same message — and no sooner than
 * the connect timeout, so neither the answer nor its timing tells open from closed.
 */
class PostgresPortProbeIT {
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1500);
  private static final String PASSWORD = "probe-password-4711";
  private static SqlToolset tools;
  private static LocalHttpServer http;
  private static Listener hangsUp;
  private static Listener greets;
  private static int closed;

  @BeforeAll
  static void start() throws IOException {
    tools = new SqlToolset(DsnScheme.POSTGRESQL, TestResolver.loopbackOnly(),
        SqlLimits.defaults().withConnectTimeout(CONNECT_TIMEOUT), Clock.systemUTC());
    http = LocalHttpServer.start().on("/", LocalHttpServer.answer(200, "hello"));
    hangsUp = new Listener(null);
    greets = new Listener("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n");
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
  }

  @AfterAll
  static void stop() throws IOException {
    tools.close();
    http.close();
    hangsUp.close();
    greets.close();
  }

  @ParameterizedTest(name = "sslmode {0}")
  @ValueSource(strings = {"prefer", "disable", "require", "allow"})
  void anOpenNonPostgresPortAnswersLikeAClosedOneAndNoSooner(String sslmode) {
    Probe refused = probe(closed, sslmode);
    Probe httpServer = probe(http.port(), sslmode);
    Probe hangUp = probe(hangsUp.port(), sslmode);
    Probe greeting = probe(greets.port(), sslmode);

    for (Probe p : new Probe[] {refused, httpServer, hangUp, greeting}) {
      assertThat(p.result.outcome()).as(p.result.text()).isEqualTo(Outcome.UNREACHABLE);
      assertThat(p.result.text())
          .isEqualTo("provider unreachable: could not connect to the database server (check the host, "
              + "port and sslmode, and that PostgreSQL accepts TCP connections there)");
      assertThat(p.result.text()).doesNotContain(PASSWORD);
      assertThat(p.elapsed).as(p.result.text()).isGreaterThanOrEqualTo(CONNECT_TIMEOUT);
      assertThat(p.elapsed).isLessThan(CONNECT_TIMEOUT.plusSeconds(4));
    }
  }

  @ParameterizedTest(name = "sslmode {0}")
  @ValueSource(strings = {"prefer", "disable"})
  void aToolCallAnswersTheSameWay(String sslmode) {
    ToolResult refused = tools.call(POSTGRESQL, "list_schemas", args("{}"), secrets(closed, sslmode),
        context("cred_closed_" + sslmode));
    ToolResult open = tools.call(POSTGRESQL, "list_schemas", args("{}"), secrets(http.port(), sslmode),
        context("cred_open_" + sslmode));

    assertThat(open.outcome()).isEqualTo(refused.outcome()).isEqualTo(Outcome.UNREACHABLE);
    assertThat(open.text()).isEqualTo(refused.text());
    assertThat(tools.openPools()).isZero();
  }

  private static Probe probe(int port, String sslmode) {
    long started = System.nanoTime();
    ToolResult result = tools.verify(secrets(port, sslmode), context("cred_probe"));
    return new Probe(result, Duration.ofNanos(System.nanoTime() - started));
  }

  private static SecretFields secrets(int port, String sslmode) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("host", "127.0.0.1");
    fields.put("port", Integer.toString(port));
    fields.put("user", "probe");
    fields.put("password", PASSWORD);
    fields.put("database", "probe");
    fields.put("sslmode", sslmode);
    return SecretFields.of(fields);
  }

  private record Probe(ToolResult result, Duration elapsed) {}

  /** A TCP service on loopback that greets with {@code banner} (or says nothing) and hangs up. */
  private static final class Listener implements AutoCloseable {
    private final ServerSocket socket;

    Listener(String banner) throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread thread = new Thread(() -> serve(banner), "probe-listener");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void serve(String banner) {
      while (!socket.isClosed()) {
        try (Socket client = socket.accept()) {
          if (banner != null) {
            OutputStream out = client.getOutputStream();
            out.write(banner.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            client.getInputStream().read(new byte[256]);
          }
        } catch (IOException e) {
          // closed, or the client hung up first
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
