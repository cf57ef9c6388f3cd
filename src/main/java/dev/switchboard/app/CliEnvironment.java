package dev.switchboard.app;

import dev.switchboard.error.SwitchboardException;
import dev.switchboard.store.Database;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every command gets: the environment to read settings from, where to print, and the wiring
 * it opens: the account stores, the vault's, the catalog's, the providers' (import, delete), or the
 * whole composition root ({@code user delete}).
 */
record CliEnvironment(Map<String, String> env, PrintStream out, PrintStream err) {
  Settings settings() {
    return SettingsLoader.load(env);
  }

  /** A command's work on what it opened; returns the exit code. */
  interface Work<T> {
    int run(T opened);
  }

  /**
   * Opens the whole composition root without creating a key file, for {@code user delete} (the
   * user's credentials erased, each revoked at the provider first).
   */
  Switchboard open() {
    return Switchboard.open(settings(), Clock.systemUTC(), false);
  }

  /** Runs {@code work} on the database and the account stores alone. */
  int withAccounts(Work<AccountStores> work) {
    Settings settings = settings();
    try (Database database = Database.openForTools(settings.dbUrl(), settings.dbUser(), settings.dbPassword())) {
      return work.run(new AccountStores(settings, Clock.systemUTC(), database));
    }
  }

  /** Runs {@code work} on the database and the stored provider catalog alone (no tools are read). */
  int withCatalog(Work<CatalogStores> work) {
    Settings settings = settings();
    try (Database database = Database.openForTools(settings.dbUrl(), settings.dbUser(), settings.dbPassword())) {
      return work.run(new CatalogStores(settings, JsonMapper.builder().findAndAddModules().build(), database));
    }
  }

  /**
   * Runs {@code work} on what importing and deleting providers need ({@link ProviderStores}): no web
   * server, MCP server or background work, and the outbound client only when the command starts it.
   */
  int withProviders(Work<ProviderStores> work) {
    Settings settings = settings();
    try (Database database = Database.openForTools(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        ProviderStores stores = new ProviderStores(settings, Clock.systemUTC(),
            JsonMapper.builder().findAndAddModules().build(), database)) {
      return work.run(stores);
    }
  }

  /** Runs {@code work} on the database and the vault's keys alone (no key file is created). */
  int withVault(Work<VaultStores> work) {
    Settings settings = settings();
    try (Database database = Database.openForTools(settings.dbUrl(), settings.dbUser(), settings.dbPassword())) {
      return work.run(VaultStores.withoutCatalog(settings, Clock.systemUTC(),
          JsonMapper.builder().findAndAddModules().build(), database));
    }
  }

  /** A one-line description of a failure for a person; never a stack trace. */
  static String describe(Throwable e) {
    if (e instanceof SwitchboardException
        || e instanceof StartupException
        || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
