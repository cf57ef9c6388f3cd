package dev.switchboard.testing;

import dev.switchboard.app.RunningServer;
import dev.switchboard.app.Settings;
import dev.switchboard.app.SettingsLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Switchboard on a free port, in-process, with its own SQLite file (or a given database)
 * and key file in a temporary folder, a known admin, and cheap password hashing.
 */
public final class TestServer implements AutoCloseable {
  public static final String ADMIN_EMAIL = "admin@example.com";
  public static final String ADMIN_PASSWORD = "admin-password-123";
  private final RunningServer server;
  private final Map<String, String> env;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private TestServer(Map<String, String> env) {
    this(env, Clock.systemUTC());
  }

  private TestServer(Map<String, String> env, Clock clock) {
    this.env = Map.copyOf(env);
    Settings settings = SettingsLoader.load(this.env);
    this.server = RunningServer.start(settings, clock,
        new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  /** A server on SQLite in {@code dir}. */
  public static TestServer sqlite(Path dir) {
    return start(dir, Map.of());
  }

  /** A server in {@code dir} with extra settings (for example another SWITCHBOARD_DB_URL). */
  public static TestServer start(Path dir, Map<String, String> extra) {
    return new TestServer(environment(dir, extra));
  }

  /** A server on SQLite in {@code dir} whose clock is {@code clock} (expiry tests). */
  public static TestServer withClock(Path dir, Map<String, String> extra, Clock clock) {
    return new TestServer(environment(dir, extra), clock);
  }

  /** The settings environment a server in {@code dir} uses, for running CLI commands beside it. */
  public static Map<String, String> environment(Path dir, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("SWITCHBOARD_PORT", "0");
    env.put("SWITCHBOARD_DATA_DIR", dir.resolve("data").toString());
    env.put("SWITCHBOARD_DB_URL", TestDatabases.sqliteUrl(dir));
    env.put("SWITCHBOARD_VAULT_KEY_FILE", dir.resolve("keys/vault.keys").toString());
    env.put("SWITCHBOARD_ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("SWITCHBOARD_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("SWITCHBOARD_BCRYPT_COST", "4");
    env.put("SWITCHBOARD_KEY_FILE_POLL_MS", "200");
    env.put("SWITCHBOARD_OUTBOUND_ALLOW", "127.0.0.1/32,::1/128");
    env.putAll(extra);
    return env;
  }

  public String url(String path) {
    return server.baseUrl() + path;
  }

  public Map<String, String> env() {
    return env;
  }

  public RunningServer running() {
    return server;
  }

  /** What the server printed to its standard output. */
  public String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.close();
  }
}
