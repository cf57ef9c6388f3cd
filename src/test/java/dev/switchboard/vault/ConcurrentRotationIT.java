package dev.switchboard.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.CliProcess;
import dev.switchboard.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: two {@code vault rotate} runs at once left every credential undecryptable. Here real
 * command-line processes rotate against one SQLite database and key file beside a live server:
 * started together, one paused while others try, killed with SIGKILL at every stage and at random
 * points over 2,000 credentials. After each, every stored payload still opens ({@code vault check})
 * and {@code /readyz} says so truthfully.
 */
class ConcurrentRotationIT {
  private static final Duration LONG = Duration.ofSeconds(180);
  private static final String PAUSE = "switchboard.test.pauseAt";
  private static final String BUSY = "another 'vault rotate' or 'vault retire' is running";
  private static final Map<String, String> SHORT_LEASE = Map.of("SWITCHBOARD_VAULT_LOCK_SECONDS", "3");
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dir;

  @Test
  void twoRotationsStartedTogetherNeverLeaveACredentialUndecryptable() throws Exception {
    try (TestServer server = TestServer.start(dir, SHORT_LEASE)) {
      createCredentials(server, 300);
      for (int round = 0; round < 2; round++) {
        CliProcess a = CliProcess.start(server.env(), Map.of(), "vault", "rotate", "--batch", "25");
        CliProcess b = CliProcess.start(server.env(), Map.of(), "vault", "rotate", "--batch", "25");
        int codeA = a.exitCode(LONG);
        int codeB = b.exitCode(LONG);

        assertThat(List.of(codeA, codeB)).as(a.err() + b.err()).contains(0);
        if (codeA != 0) {
          assertThat(a.err()).contains(BUSY);
        }
        if (codeB != 0) {
          assertThat(b.err()).contains(BUSY);
        }
        assertEverythingReadable(server, 300);
      }
      assertThat(keyIdsOfRows()).hasSize(1);
    }
  }

  @Test
  void aSecondRotationIsRefusedWithAClearMessageWhileTheFirstHoldsTheLocks() throws Exception {
    try (TestServer server = TestServer.start(dir, SHORT_LEASE)) {
      createCredentials(server, 60);
      CliProcess first = CliProcess.start(server.env(), Map.of(PAUSE, "rows"), "vault", "rotate", "--batch", "7");
      assertThat(first.awaitLine("paused at rows", LONG)).as(first.out() + first.err()).isTrue();

      CliProcess sameMachine = CliProcess.start(server.env(), Map.of(), "vault", "rotate");
      assertThat(sameMachine.exitCode(LONG)).isEqualTo(1);
      assertThat(sameMachine.err()).contains(BUSY + " on this machine");
      Cli.Result retire = Cli.run(server.env(), "vault", "retire", "nothing");
      assertThat(retire.exitCode()).isEqualTo(1);
      assertThat(retire.err()).contains(BUSY);

      // another instance with its own copy of the key file meets the database lock instead
      Path copy = dir.resolve("other/vault.keys");
      Files.createDirectories(copy.getParent());
      Files.copy(dir.resolve("keys/vault.keys"), copy);
      Map<String, String> otherInstance = new HashMap<>(server.env());
      otherInstance.put("SWITCHBOARD_VAULT_KEY_FILE", copy.toString());
      Cli.Result other = Cli.run(otherInstance, "vault", "rotate");
      assertThat(other.exitCode()).isEqualTo(1);
      assertThat(other.err()).contains(BUSY + " against this database").doesNotContain("Exception");
      assertEverythingReadable(server, 60);

      first.resume();
      assertThat(first.exitCode(LONG)).as(first.err()).isZero();
      assertEverythingReadable(server, 60);
      assertThat(keyIdsOfRows()).hasSize(1);
    }
  }

  @Test
  void killingARotationAtAnyStageLeavesEveryCredentialReadableAndTheNextOneFinishes() throws Exception {
    try (TestServer server = TestServer.start(dir, SHORT_LEASE)) {
      createCredentials(server, 60);
      for (String stage : List.of("locked", "key-file-temp", "key-written", "rows", "rows-done", "done")) {
        CliProcess paused = startWhenFree(server.env(), stage);
        paused.kill();

        assertEverythingReadable(server, 60);
      }
      CliProcess last = startWhenFree(server.env(), null);
      assertThat(last.exitCode(LONG)).as(last.err()).isZero();
      assertEverythingReadable(server, 60);
      assertThat(keyIdsOfRows()).hasSize(1);
      try (var files = Files.list(dir.resolve("keys"))) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
      }
    }
  }

  @Test
  void twoRotationsOverTwoThousandCredentialsKilledAtRandomPointsNeverLoseAKey() throws Exception {
    long seed = Long.getLong("switchboard.test.seed", System.nanoTime());
    System.out.println("random kill points from seed " + seed + " (-Dswitchboard.test.seed to repeat)");
    Random random = new Random(seed);
    try (TestServer server = TestServer.start(dir, SHORT_LEASE)) {
      createCredentials(server, 2000);
      for (int round = 0; round < 3; round++) {
        CliProcess a = CliProcess.start(server.env(), Map.of(), "vault", "rotate", "--batch", "50");
        CliProcess b = CliProcess.start(server.env(), Map.of(), "vault", "rotate", "--batch", "50");
        // a random point: before the lock, while the key file is written, or among the rows
        Thread.sleep(200 + random.nextInt(2500));
        a.kill();
        if (random.nextBoolean()) {
          b.kill();
        }
        b.exitCode(LONG);

        assertEverythingReadable(server, 2000);
      }
      CliProcess last = startWhenFree(server.env(), null);
      assertThat(last.exitCode(LONG)).as(last.err()).isZero();
      assertEverythingReadable(server, 2000);
      assertThat(keyIdsOfRows()).hasSize(1);
    }
  }

  @Test
  void readyzAndVaultCheckReportCredentialsWhoseKeyIsMissingFromTheKeyFile() throws Exception {
    try (TestServer server = TestServer.sqlite(dir)) {
      createCredentials(server, 12);
      assertThat(Cli.run(server.env(), "vault", "rotate").exitCode()).isZero();
      assertEverythingReadable(server, 12);
      Path keyFile = dir.resolve("keys/vault.keys");
      Keyring both = KeyringSource.readKeyFile(keyFile);

      // what the lost update of issue 11 did: the file no longer holds the key the rows use
      KeyringSource.writeKeyFile(keyFile, Keyring.of(both.keys().get(1)));

      assertThat(awaitReadyz(server, 503)).contains("\"vault\":\"failing\"");
      Cli.Result check = Cli.run(server.env(), "vault", "check");
      assertThat(check.exitCode()).isEqualTo(1);
      assertThat(check.out()).contains("checked 12 credential(s)").contains(": 12 cannot be decrypted");
    }
  }

  @Test
  void readyzIsUnavailableWhenThePrimaryKeyCannotDecryptTheStoredCredentials() throws Exception {
    try (TestServer server = TestServer.sqlite(dir)) {
      createCredentials(server, 5);
      assertEverythingReadable(server, 5);
      Path keyFile = dir.resolve("keys/vault.keys");
      String id = KeyringSource.readKeyFile(keyFile).primary().id();

      // a key file restored from the wrong backup: same id, other key material
      KeyringSource.writeKeyFile(keyFile, Keyring.of(VaultKey.generate(id)));

      assertThat(awaitReadyz(server, 503)).contains("\"vault\":\"failing\"");
      assertThat(Cli.run(server.env(), "vault", "check").exitCode()).isEqualTo(1);
    }
  }

  /** Starts a rotation paused at {@code stage} (none when null), retrying while a killed one's lease lapses. */
  private static CliProcess startWhenFree(Map<String, String> env, String stage) throws Exception {
    Instant until = Instant.now().plus(LONG);
    while (true) {
      Map<String, String> properties = stage == null ? Map.of() : Map.of(PAUSE, stage);
      CliProcess process = CliProcess.start(env, properties, "vault", "rotate", "--batch", "7");
      if (stage == null) {
        if (process.exitCode(LONG) != 1 || !process.err().contains(BUSY)) {
          return process;
        }
      } else if (process.awaitLine("paused at " + stage, LONG)) {
        return process;
      } else {
        assertThat(process.exitCode(LONG)).isEqualTo(1);
        assertThat(process.err()).contains(BUSY + " against this database");
      }
      assertThat(Instant.now()).as("the lease of a killed rotation lapses").isBefore(until);
      Thread.sleep(500);
    }
  }

  private void assertEverythingReadable(TestServer server, int credentials) throws Exception {
    Cli.Result check = Cli.run(server.env(), "vault", "check");
    assertThat(check.out()).contains("checked " + credentials + " credential(s)")
        .contains(": 0 cannot be decrypted");
    assertThat(check.exitCode()).isZero();
    Keyring inFile = KeyringSource.readKeyFile(dir.resolve("keys/vault.keys"));
    assertThat(inFile.ids()).containsAll(keyIdsOfRows());
    assertThat(awaitReadyz(server, 200)).contains("\"vault\":\"ok\"");
  }

  /** The body of {@code /readyz} once it answers {@code status}; it may keep the last answer 2 s. */
  private String awaitReadyz(TestServer server, int status) throws Exception {
    Instant until = Instant.now().plusSeconds(15);
    HttpResponse<String> answer;
    do {
      answer = http.send(HttpRequest.newBuilder(URI.create(server.url("/readyz"))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == status) {
        return answer.body();
      }
      Thread.sleep(200);
    } while (Instant.now().isBefore(until));
    throw new AssertionError("/readyz answered " + answer.statusCode() + " " + answer.body());
  }

  private static void createCredentials(TestServer server, int count) {
    Api api = new Api(server, Cli.userWithToken(server.env(), "rot@example.com"));
    for (int i = 0; i < count; i++) {
      Api.Answer a = api.post("/api/v1/credentials", Map.of("provider", "openai", "authMethod", "API_KEY",
          "label", "key " + i, "fields", Map.of("api_key", "sk-concurrent-" + i + "-abcdefghijkl")));
      assertThat(a.status()).as(a.body()).isEqualTo(201);
    }
  }

  private List<String> keyIdsOfRows() throws Exception {
    List<String> keys = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("switchboard-test.db"));
        ResultSet rs = c.createStatement().executeQuery("SELECT DISTINCT key_id FROM credentials")) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }
}
