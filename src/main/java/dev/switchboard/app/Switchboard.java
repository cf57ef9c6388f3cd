package dev.switchboard.app;

import dev.switchboard.account.AccessTokens;
import dev.switchboard.account.Passwords;
import dev.switchboard.account.Sessions;
import dev.switchboard.account.Users;
import dev.switchboard.account.internal.SessionRows;
import dev.switchboard.account.internal.TokenRows;
import dev.switchboard.account.internal.UserRows;
import dev.switchboard.credential.CredentialCreation;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.PayloadRotation;
import dev.switchboard.credential.internal.CredentialMapper;
import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.provider.Catalog;
import dev.switchboard.store.Database;
import dev.switchboard.vault.KeyringSource;
import dev.switchboard.vault.LoadedKeyring;
import dev.switchboard.vault.Vault;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The composition root: builds every object of one Switchboard process from {@link Settings}, with
 * constructors, once. The command-line tools use it without the web server; {@code serve} adds it.
 */
public final class Switchboard implements AutoCloseable {
  final Settings settings;
  final Clock clock;
  final JsonMapper json;
  final Database database;
  final KeyringSource keySource;
  final LoadedKeyring loadedKeys;
  final Vault vault;
  final Catalog catalog;
  final Users users;
  final AccessTokens tokens;
  final Sessions sessions;
  final Credentials credentials;
  final CredentialCreation creation;
  final PayloadRotation rotation;

  private Switchboard(Settings settings, Clock clock, boolean createKeyFile) {
    this.settings = settings;
    this.clock = clock;
    this.json = JsonMapper.builder().findAndAddModules().build();
    this.keySource = new KeyringSource(settings.vaultKeys(), clock);
    this.loadedKeys = createKeyFile
        ? keySource.loadOrCreate(settings.vaultKeyFile())
        : keySource.load(settings.vaultKeyFile());
    this.vault = new Vault(loadedKeys.keyring(), clock, json);
    this.catalog = Catalog.load(json, settings.baseUrlOverrides());
    this.database = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
    try {
      this.users = new Users(new UserRows(database.jdbi()), new Passwords(settings.bcryptCost()), clock);
      this.tokens = new AccessTokens(new TokenRows(database.jdbi()), users, clock);
      this.sessions = new Sessions(new SessionRows(database.jdbi()), users, clock, settings.sessionTtl());
      CredentialRows credentialRows = new CredentialRows(database.jdbi(), new CredentialMapper(json));
      this.credentials = new Credentials(credentialRows, catalog);
      this.creation = new CredentialCreation(credentialRows, catalog, vault, clock);
      this.rotation = new PayloadRotation(credentialRows, vault);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * Opens everything. {@code createKeyFile} lets the first start generate a key file; the tools
   * that only read pass false so that a typo in a path does not silently create a new key.
   */
  public static Switchboard open(Settings settings, Clock clock, boolean createKeyFile) {
    return new Switchboard(settings, clock, createKeyFile);
  }

  /** Refuses to go on when stored rows need a key that is not configured (DESIGN.md §4). */
  public void requireKeysForStoredRows() {
    List<String> missing = rotation.keyIdsInUse().stream().filter(id -> !vault.canOpen(id)).toList();
    if (!missing.isEmpty()) {
      throw new StartupException("stored credentials are encrypted with vault key(s) " + missing
          + " which are not configured; add them to " + KeyringSource.ENV_VAR + " or the key file "
          + settings.vaultKeyFile().toAbsolutePath() + " (Switchboard never falls back to plaintext)");
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
