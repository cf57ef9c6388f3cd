package dev.switchboard.app;

import dev.switchboard.credential.PayloadRotation;
import dev.switchboard.credential.internal.CredentialMapper;
import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.oauth.OAuthApps;
import dev.switchboard.store.Database;
import dev.switchboard.vault.KeyringSource;
import dev.switchboard.vault.LoadedKeyring;
import dev.switchboard.vault.Vault;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vault's keys and what they encrypt (credential payloads, OAuth client secrets): what the
 * {@code vault} commands open (no catalog, tools, outbound client or web server), and a part of
 * {@link Switchboard}.
 */
final class VaultStores {
  final Settings settings;
  final Database database;
  final KeyringSource keySource;
  final LoadedKeyring loadedKeys;
  final Vault vault;
  final PayloadRotation rotation;
  final OAuthApps oauthApps;

  /** Loads the keys; {@code createKeyFile} lets the first start of a server generate a key file. */
  VaultStores(Settings settings, Clock clock, JsonMapper json, Database database, CredentialRows credentialRows,
      boolean createKeyFile) {
    this.settings = settings;
    this.database = database;
    this.keySource = new KeyringSource(settings.vaultKeys(), clock);
    this.loadedKeys = createKeyFile
        ? keySource.loadOrCreate(settings.vaultKeyFile())
        : keySource.load(settings.vaultKeyFile());
    this.vault = new Vault(loadedKeys.keyring(), clock, json);
    this.rotation = new PayloadRotation(credentialRows, vault);
    this.oauthApps = new OAuthApps(database.jdbi(), vault, clock);
  }

  /** For the vault commands: credential rows read without the provider catalog. */
  static VaultStores withoutCatalog(Settings settings, Clock clock, JsonMapper json, Database database) {
    return new VaultStores(settings, clock, json, database,
        new CredentialRows(database.jdbi(), new CredentialMapper(json)), false);
  }
}
