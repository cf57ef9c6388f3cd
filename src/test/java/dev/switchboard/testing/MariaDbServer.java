package dev.switchboard.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real MariaDB server for tests: Debian's {@code mariadbd} started on a fresh data directory and a
 * loopback port, as root ({@code --user=root}), stopped by {@link #close()}. Without the binary the test
 * is skipped, saying what to install; with {@code CI=true} it fails instead (.ci/run installs it).
 */
public final class MariaDbServer implements AutoCloseable {
  private static final List<String> SERVERS = List.of("/usr/sbin/mariadbd", "/usr/sbin/mysqld");
  private static final List<String> INSTALLERS = List.of("/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db");

  private final Process process;
  private final Path dir;
  private final int port;

  private MariaDbServer(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Starts a server, or skips (fails on CI) when MariaDB is not installed. */
  public static MariaDbServer start() {
    String server = find(SERVERS);
    String installer = find(INSTALLERS);
    if (server == null || installer == null) {
      String message = "no MariaDB server: install it with 'apt-get install -y mariadb-server'";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    try {
      Path dir = Files.createTempDirectory("switchboard-mariadb");
      Path data = dir.resolve("data");
      run(List.of(installer, "--no-defaults", "--datadir=" + data, "--user=root",
          "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install.log"));
      int port = freePort();
      Process process = new ProcessBuilder(server, "--no-defaults", "--datadir=" + data, "--user=root",
          "--bind-address=127.0.0.1", "--port=" + port, "--socket=" + dir.resolve("mariadb.sock"),
          "--pid-file=" + dir.resolve("mariadb.pid"), "--skip-name-resolve", "--innodb-buffer-pool-size=16M",
          "--skip-log-bin", "--log-error=" + dir.resolve("error.log"))
          .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
      MariaDbServer started = new MariaDbServer(process, dir, port);
      started.awaitReady();
      return started;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start MariaDB", e);
    }
  }

  public int port() {
    return port;
  }

  /** A connection as root (no password, from 127.0.0.1) for setting databases up. */
  public Connection root() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "root");
    p.setProperty("password", "");
    p.setProperty("allowMultiQueries", "true");
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", p);
  }

  private void awaitReady() {
    SQLException last = null;
    // Bounded: 300 attempts 100 ms apart; a server that never answers fails the test with its log.
    for (int attempt = 0; attempt < 300 && process.isAlive(); attempt++) {
      try {
        root().close();
        return;
      } catch (SQLException e) {
        last = e;
        sleep();
      }
    }
    String log;
    try {
      log = Files.exists(dir.resolve("error.log")) ? Files.readString(dir.resolve("error.log")) : "";
    } catch (IOException e) {
      log = e.toString();
    }
    close();
    throw new IllegalStateException("MariaDB did not start: " + log, last);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void run(List<String> command, Path log) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String find(List<String> candidates) {
    for (String candidate : candidates) {
      if (new File(candidate).canExecute()) {
        return candidate;
      }
    }
    return null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
