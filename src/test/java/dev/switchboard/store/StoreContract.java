package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.account.AccessTokens;
import dev.switchboard.account.AccountEndHook;
import dev.switchboard.account.Accounts;
import dev.switchboard.account.IssuedToken;
import dev.switchboard.account.Passwords;
import dev.switchboard.account.Sessions;
import dev.switchboard.account.SignInThrottle;
import dev.switchboard.account.User;
import dev.switchboard.account.UserEraseHook;
import dev.switchboard.account.Users;
import dev.switchboard.account.internal.SessionRows;
import dev.switchboard.account.internal.TokenRows;
import dev.switchboard.account.internal.UserRows;
import dev.switchboard.audit.AuditTrail;
import dev.switchboard.audit.Notifications;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.CredentialCreation;
import dev.switchboard.credential.CredentialEraseHook;
import dev.switchboard.credential.CredentialEvents;
import dev.switchboard.credential.CredentialFilter;
import dev.switchboard.credential.CredentialStatus;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.CurrentCredential;
import dev.switchboard.credential.NewCredential;
import dev.switchboard.credential.PayloadRotation;
import dev.switchboard.credential.internal.CredentialMapper;
import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.error.FieldErrors;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.Catalog;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.vault.Keyring;
import dev.switchboard.vault.SealedPayload;
import dev.switchboard.vault.Vault;
import dev.switchboard.vault.VaultKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store's behaviour, one suite for every database: subclasses say which database to open.
 * Runs the real services on the real schema.
 */
abstract class StoreContract {
  private final JsonMapper json = JsonMapper.builder().build();
  private final Clock clock = Clock.systemUTC();
  Database db;
  Users users;
  AccessTokens tokens;
  Credentials credentials;
  Notifications notifications;
  CredentialCreation creation;
  CredentialRows rows;
  Vault vault;

  abstract String jdbcUrl();

  abstract String user();

  @BeforeEach
  void open() {
    db = Database.open(jdbcUrl(), user(), user());
    users = new Users(new UserRows(db.jdbi()), new Passwords(4), clock);
    tokens = new AccessTokens(new TokenRows(db.jdbi()), users, clock);
    rows = new CredentialRows(db.jdbi(), new CredentialMapper(json));
    vault = new Vault(Keyring.of(VaultKey.generate("k1")), clock, json);
    ProviderRegistry catalog = new ProviderRegistry(Catalog.load(json, Map.of()));
    notifications = new Notifications(db.jdbi(), clock);
    AuditTrail audit = new AuditTrail(db.jdbi(), clock);
    credentials = new Credentials(rows, catalog, CredentialEvents.NONE,
        new CurrentCredential(rows, catalog, notifications), audit, CredentialEraseHook.NONE);
    creation = new CredentialCreation(rows, new ProviderRegistry(Catalog.load(json, Map.of())), vault, clock,
        CredentialEvents.NONE, audit);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Credential apiKey(String userId, String provider, String key) {
    return creation.create(userId, new NewCredential(provider, "API_KEY", null, Map.of("api_key", key)));
  }

  private void markVerified(String id, long at) {
    db.jdbi().useHandle(h -> h.createUpdate("UPDATE credentials SET verification = 'VERIFIED', "
        + "last_verified_at = :at WHERE id = :id").bind("at", at).bind("id", id).execute());
  }

  @Test
  void usersAreUniqueByEmailAndPasswordsAreChecked() {
    User u = users.create("Dana@Example.com", "a-long-password", false, false);
    assertThat(u.email()).isEqualTo("dana@example.com");
    assertThatThrownBy(() -> users.create("dana@example.com", "another-password", false, false))
        .isInstanceOf(SwitchboardException.class).hasMessageContaining("exists");
    assertThat(users.authenticate("dana@example.com", "a-long-password").id()).isEqualTo(u.id());
    assertThatThrownBy(() -> users.authenticate("dana@example.com", "wrong-password"))
        .isInstanceOf(SwitchboardException.class);
  }

  @Test
  void accessTokensAuthenticateUntilRevokedAndAreStoredHashed() {
    User u = users.create("tok@example.com", "a-long-password", false, false);
    IssuedToken issued = tokens.issue(u.id(), "laptop");
    assertThat(tokens.authenticate(issued.token())).map(p -> p.userId()).contains(u.id());
    String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM access_tokens")
        .mapTo(String.class).one());
    assertThat(stored).doesNotContain(issued.token().substring(7));
    assertThat(tokens.list(u.id()).get(0).lastUsedAt()).isPresent();
    tokens.revoke(u.id(), issued.info().id());
    assertThat(tokens.authenticate(issued.token())).isEmpty();
  }

  @Test
  void anUnverifiedCredentialIsNeverCurrentAndLeavingTheCurrentFallsBackToTheMostRecentlyVerified() {
    User u = users.create("cur@example.com", "a-long-password", false, false);
    Credential a = apiKey(u.id(), "openai", "sk-aaaaaaaaaaaaaaaa");
    Credential b = apiKey(u.id(), "openai", "sk-bbbbbbbbbbbbbbbb");
    Credential c = apiKey(u.id(), "openai", "sk-cccccccccccccccc");
    assertThat(a.current()).isFalse();
    assertThat(b.current()).isFalse();
    assertThatThrownBy(() -> credentials.makeCurrent(u.id(), a.id())).hasMessageContaining("VERIFIED");
    markVerified(a.id(), 3_000);
    credentials.makeCurrent(u.id(), a.id());
    markVerified(b.id(), 2_000);
    markVerified(c.id(), 1_000);
    credentials.delete(u.id(), a.id());
    assertThat(credentials.get(u.id(), b.id()).current()).isTrue();
    credentials.disable(u.id(), b.id());
    assertThat(credentials.get(u.id(), c.id()).current()).isTrue();
    assertThat(credentials.get(u.id(), b.id()).status()).isEqualTo(CredentialStatus.DISABLED);
    assertThat(notifications.list(u.id(), Optional.empty(), 10).items())
        .extracting(n -> n.kind()).containsExactly("CURRENT_CREDENTIAL_REPLACED");
    credentials.enable(u.id(), b.id());
    assertThat(credentials.get(u.id(), c.id()).current()).as("the usable current one stays").isTrue();
  }

  @Test
  void profileNamesAreUniquePerUserAndProviderInTheServicesAndTheSchema() {
    User u = users.create("names@example.com", "a-long-password", false, false);
    Credential a = apiKey(u.id(), "openai", "sk-aaaaaaaaaaaaaaaa");
    Credential b = apiKey(u.id(), "openai", "sk-bbbbbbbbbbbbbbbb");
    assertThat(b.label()).as("a default name is made free").isEqualTo(a.label() + " 2");
    assertThatThrownBy(() -> creation.create(u.id(), new NewCredential("openai", "API_KEY", a.label().toUpperCase(),
        Map.of("api_key", "sk-cccccccccccccccc")))).hasMessageContaining("already exists for OpenAI");
    assertThatThrownBy(() -> credentials.rename(u.id(), b.id(), a.label())).hasMessageContaining("already exists");
    assertThat(apiKey(users.create("names2@example.com", "a-long-password", false, false).id(), "openai",
        "sk-dddddddddddddddd").label()).as("another user may use the name").isEqualTo(a.label());
    // the schema keeps names apart even when the services are bypassed (V14)
    assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.createUpdate("UPDATE credentials SET label = :label "
        + "WHERE id = :id").bind("label", a.label()).bind("id", b.id()).execute())).isInstanceOf(RuntimeException.class);
  }

  @Test
  void anotherUsersCredentialIsNotFoundAndUnchanged() {
    User owner = users.create("own@example.com", "a-long-password", false, false);
    User other = users.create("oth@example.com", "a-long-password", false, false);
    Credential c = apiKey(owner.id(), "stripe", "sk_test_000000000000");
    assertThatThrownBy(() -> credentials.get(other.id(), c.id())).hasMessageContaining("not found");
    assertThatThrownBy(() -> credentials.delete(other.id(), c.id())).hasMessageContaining("not found");
    assertThatThrownBy(() -> credentials.disable(other.id(), c.id())).hasMessageContaining("not found");
    assertThatThrownBy(() -> credentials.rename(other.id(), c.id(), "x")).hasMessageContaining("not found");
    assertThat(credentials.get(owner.id(), c.id())).isEqualTo(c);
    assertThat(credentials.list(other.id(), new CredentialFilter(Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty()), Optional.empty(), 50).items()).isEmpty();
  }

  @Test
  void rotationReencryptsEveryRowAndAStaleVersionLosesTheRace() {
    User u = users.create("rot@example.com", "a-long-password", false, false);
    for (int i = 0; i < 25; i++) {
      apiKey(u.id(), "openai", "sk-rotate-" + i + "-000000000");
    }
    vault.useKeyring(vault.keyring().withPrimary(VaultKey.generate("k2")));
    PayloadRotation rotation = new PayloadRotation(rows, vault);
    assertThat(rotation.run(4).reencrypted()).isEqualTo(25);
    assertThat(rotation.keyIdsInUse()).containsExactly("k2");
    assertThat(rotation.rowsOnKey("k1")).isZero();

    var row = rows.notOnKey("k3", 1).get(0);
    assertThat(rows.replacePayload(row, new SealedPayload("k2", row.payload().token()))).isTrue();
    assertThat(rows.replacePayload(row, new SealedPayload("k2", row.payload().token()))).isFalse();
  }

  @Test
  void payloadDecryptsOnlyForItsOwnerAndRow() {
    User u = users.create("pay@example.com", "a-long-password", false, false);
    Credential c = apiKey(u.id(), "openai", "sk-payload-0123456789");
    SealedPayload sealed = db.jdbi().withHandle(h -> rows.payload(h, u.id(), c.id())).orElseThrow();
    assertThat(vault.open(u.id(), c.id(), sealed).get("api_key")).contains("sk-payload-0123456789");
    assertThatThrownBy(() -> vault.open("usr_other", c.id(), sealed)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void twoAdminsDisablingOrDeletingEachOtherAtOnceAlwaysLeaveOneEnabledAdmin() throws Exception {
    Accounts accounts = new Accounts(users, new Sessions(new SessionRows(db.jdbi()), users, clock,
        Duration.ofHours(1), new SignInThrottle(SignInThrottle.Limits.defaults(), clock)), tokens,
        AccountEndHook.NONE, UserEraseHook.NONE);
    String survivor = users.create("admin-0@example.com", "a-long-password", true, false).id();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= 15; round++) {
        String other = users.create("admin-" + round + "@example.com", "a-long-password", true, false).id();
        boolean delete = round % 2 == 0;
        String first = survivor;
        CyclicBarrier together = new CyclicBarrier(2);
        Future<Boolean> a = pool.submit(() -> removed(accounts, together, first, other, delete));
        Future<Boolean> b = pool.submit(() -> removed(accounts, together, other, first, delete));
        boolean otherRemoved = a.get();
        boolean firstRemoved = b.get();

        assertThat(otherRemoved ^ firstRemoved).as("round %d: exactly one succeeds", round).isTrue();
        long enabledAdmins = users.all().stream().filter(u -> u.admin() && !u.disabled()).count();
        assertThat(enabledAdmins).as("round %d", round).isEqualTo(1);
        survivor = otherRemoved ? first : other;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code actor} disables or deletes {@code target}; false when refused as the last admin. */
  private static boolean removed(Accounts accounts, CyclicBarrier together, String actor, String target,
      boolean delete) throws Exception {
    together.await();
    try {
      if (delete) {
        accounts.delete(Optional.of(actor), target);
      } else {
        accounts.disable(Optional.of(actor), target);
      }
      return true;
    } catch (SwitchboardException e) {
      assertThat(e.code()).isEqualTo("last_admin");
      return false;
    }
  }

  @Test
  void requestsRacingForOneNameGetTheConflictTheSecondWouldGetNeverADatabaseError() throws Exception {
    User u = users.create("race@example.com", "a-long-password", false, false);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 1; round <= 10; round++) {
        String chosen = "Work " + round;
        CyclicBarrier together = new CyclicBarrier(4);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          String key = "sk-race" + round + "x" + i + "aaaaaaaaaa";
          answers.add(pool.submit(() -> {
            together.await();
            try {
              creation.create(u.id(), new NewCredential("openai", "API_KEY", chosen, Map.of("api_key", key)));
              return "created";
            } catch (FieldErrors e) {
              assertThat(e.fields()).containsKey("label");
              return "taken";
            }
          }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> a : answers) {
          outcomes.add(a.get());
        }
        assertThat(outcomes).as("round %d", round).containsOnlyOnce("created").contains("taken");
      }
      // default names race too: every request gets a profile, each under its own name
      CyclicBarrier together = new CyclicBarrier(4);
      List<Future<Credential>> unnamed = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String key = "sk-default" + i + "aaaaaaaaaaaa";
        unnamed.add(pool.submit(() -> {
          together.await();
          return creation.create(u.id(), new NewCredential("openai", "API_KEY", null, Map.of("api_key", key)));
        }));
      }
      List<String> names = new ArrayList<>();
      for (Future<Credential> c : unnamed) {
        names.add(c.get().label());
      }
      assertThat(names).doesNotHaveDuplicates().hasSize(4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void signUpsRacingForOneEmailCreateOneUserAndTellTheOthersItExists() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 1; round <= 5; round++) {
        String email = "same-" + round + "@example.com";
        CyclicBarrier together = new CyclicBarrier(4);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          answers.add(pool.submit(() -> {
            together.await();
            try {
              users.create(email, "a-long-password", false, false);
              return "created";
            } catch (SwitchboardException e) {
              return e.code();
            }
          }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> a : answers) {
          outcomes.add(a.get());
        }
        assertThat(outcomes).as("round %d", round).containsOnlyOnce("created")
            .containsOnly("created", "email_taken");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
