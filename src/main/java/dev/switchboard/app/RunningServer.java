package dev.switchboard.app;

import dev.switchboard.web.WebDependencies;
import dev.switchboard.web.WebServer;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A started gateway: the composition root plus the web server and the key-file watcher. Tests
 * start one on port 0 in-process; {@code switchboard serve} starts one and waits.
 */
public final class RunningServer implements AutoCloseable {
  private final Switchboard app;
  private final WebServer web;
  private final Optional<KeyFileWatcher> watcher;
  private final List<Every> background;
  private final String baseUrl;

  private RunningServer(Switchboard app, WebServer web, Optional<KeyFileWatcher> watcher,
      List<Every> background, String baseUrl) {
    this.app = app;
    this.web = web;
    this.watcher = watcher;
    this.background = background;
    this.baseUrl = baseUrl;
  }

  /** Opens the database and keys, creates the first admin if needed, and starts listening. */
  public static RunningServer start(Settings settings, Clock clock, PrintStream out) {
    Settings effective = settings.port() == 0 ? FreePort.assign(settings) : settings;
    Switchboard app = Switchboard.open(effective, clock, true);
    try {
      app.start();
      app.requireKeysForStoredRows();
      app.loadedKeys.warnings().forEach(w -> out.println("warning: " + w));
      if (app.loadedKeys.generated()) {
        out.println("Generated a vault key file at " + app.settings.vaultKeyFile().toAbsolutePath()
            + " (mode 0600). Back it up and keep it apart from the database: without it the stored"
            + " credentials cannot be decrypted.");
      }
      Optional<KeyFileWatcher> watcher = app.loadedKeys.file()
          .map(file -> new KeyFileWatcher(file, app.keySource, app.vault).start(effective.keyFilePoll()));
      watcher.ifPresent(w -> app.vault.onMissingKey(w::check));
      WebServer web = new WebServer(dependencies(app), effective.host(), effective.port()).start();
      String baseUrl = effective.baseUrl();
      out.println("Switchboard is listening on " + baseUrl);
      FirstAdmin.ensure(app.users, effective).ifPresent(created -> printAdmin(out, created));
      Every refresh = Every.start("catalog-refresh", Duration.ofSeconds(2), app::refreshCatalog);
      Every sweep = Every.start("token-refresh", effective.refreshInterval(), app.sweep::run);
      List<Every> background = new ArrayList<>(List.of(refresh, sweep));
      if (!effective.healthInterval().isZero()) {
        background.add(Every.start("provider-health", effective.healthInterval(), app.health::run));
      }
      return new RunningServer(app, web, watcher, List.copyOf(background), baseUrl);
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
  }

  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return web.port();
  }

  /** The composition root, for tests that need to reach behind the API. */
  public Switchboard app() {
    return app;
  }

  public WebServer web() {
    return web;
  }

  @Override
  public void close() {
    background.forEach(Every::close);
    watcher.ifPresent(KeyFileWatcher::close);
    try {
      web.close();
    } finally {
      app.close();
    }
  }

  private static WebDependencies dependencies(Switchboard app) {
    Map<String, BooleanSupplier> readiness = new LinkedHashMap<>();
    readiness.put("database", app.database::healthy);
    readiness.put("vault", new VaultReadiness(app.rotation, app.oauthApps, app.vault));
    return new WebDependencies(app.json, app.users, app.sessions, app.tokens, app.accounts, app.catalog,
        app.credentials, app.creation, app.verifier, app.tools, app.remoteTools, app.bundles, app.attention,
        app.providerAdmin, app.oauth, app.oauthApps, app.refresher, app.authServer,
        app.executions, app.notifications, app.audit, app.metrics, app.mcp, app.broker, readiness, app.settings.baseUrl(),
        app.settings.maxBodyBytes(), app.settings.baseUrl().startsWith("https:"),
        app.settings.sessionTtl(), app.settings.metricsToken(), app.settings.limits().streamsPerUser(),
        app.settings.limits().bodyTimeout(), app.settings.limits().anonymousBodies());
  }

  private static void printAdmin(PrintStream out, FirstAdmin.Created created) {
    out.println("Created the first admin: " + created.user().email());
    created.oneTimePassword().ifPresent(p -> {
      out.println("One-time password (shown only now; you will be asked to change it): " + p);
    });
  }
}
