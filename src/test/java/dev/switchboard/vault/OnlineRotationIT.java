package dev.switchboard.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vault rotate} beside a live server: while a loop creates and reads credentials through
 * the API, every row moves to the new key, no request fails, and the old key can then be retired.
 */
class OnlineRotationIT {
  @TempDir
  Path dir;

  @Test
  void rotateWhileServingMovesEveryRowToTheNewKeyWithoutAFailedRequest() throws Exception {
    try (TestServer server = TestServer.sqlite(dir)) {
      Api api = new Api(server, Cli.userWithToken(server.env(), "rot@example.com"));
      List<String> ids = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 120; i++) {
        ids.add(create(api, i));
      }
      String oldKey = Files.readAllLines(dir.resolve("keys/vault.keys")).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElseThrow().split(":")[0];
      assertThat(Cli.run(server.env(), "vault", "retire", oldKey).exitCode()).isEqualTo(1);

      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger requests = new AtomicInteger();
      List<String> failures = new CopyOnWriteArrayList<>();
      Thread load = new Thread(() -> {
        int n = 1000;
        while (running.get()) {
          try {
            ids.add(create(api, n++));
            String id = ids.get(n % ids.size());
            Api.Answer read = api.get("/api/v1/credentials/" + id);
            if (read.status() != 200) {
              failures.add("read " + read.status() + " " + read.body());
            }
            requests.addAndGet(2);
          } catch (AssertionError | RuntimeException e) {
            failures.add(e.toString());
          }
        }
      });
      load.start();
      Thread.sleep(300);
      Cli.Result rotated = Cli.run(server.env(), "vault", "rotate", "--batch", "7");
      Thread.sleep(500);
      running.set(false);
      load.join();

      assertThat(rotated.exitCode()).as(rotated.err()).isZero();
      assertThat(failures).isEmpty();
      assertThat(requests.get()).isGreaterThan(10);
      List<String> keys = keyIds(dir.resolve("switchboard-test.db"));
      assertThat(keys).hasSize(1).doesNotContain(oldKey);
      for (String id : new ArrayList<>(ids).subList(0, 20)) {
        assertThat(api.get("/api/v1/credentials/" + id).status()).isEqualTo(200);
      }
      assertThat(Cli.run(server.env(), "vault", "check").exitCode()).isZero();
      Cli.Result retired = Cli.run(server.env(), "vault", "retire", oldKey);
      assertThat(retired.exitCode()).as(retired.err()).isZero();
      assertThat(Files.readString(dir.resolve("keys/vault.keys"))).doesNotContain(oldKey + ":");
      Cli.Result check = Cli.run(server.env(), "vault", "check");
      assertThat(check.exitCode()).as(check.out()).isZero();
      assertThat(check.out()).contains("0 cannot be decrypted");
      assertThat(api.post("/api/v1/credentials", Map.of("provider", "openai", "authMethod", "API_KEY",
          "fields", Map.of("api_key", "sk-after-retire-0000000000"))).status()).isEqualTo(201);
    }
  }

  private static String create(Api api, int i) {
    Api.Answer a = api.post("/api/v1/credentials", Map.of("provider", "openai", "authMethod", "API_KEY",
        "label", "key " + i, "fields", Map.of("api_key", "sk-rotation-" + i + "-abcdefghijkl")));
    if (a.status() != 201) {
      throw new IllegalStateException("create " + a.status() + " " + a.body());
    }
    return a.json().path("id").asString();
  }

  private static List<String> keyIds(Path db) throws Exception {
    List<String> keys = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("SELECT DISTINCT key_id FROM credentials")) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }
}
