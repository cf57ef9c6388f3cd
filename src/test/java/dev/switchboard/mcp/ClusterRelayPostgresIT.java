package dev.switchboard.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.mcp.internal.RelayRows;
import dev.switchboard.store.ClusterSignals;
import dev.switchboard.store.Database;
import dev.switchboard.testing.AdjustableClock;
import dev.switchboard.testing.TestDatabases;
import dev.switchboard.vault.Keyring;
import dev.switchboard.vault.Signer;
import dev.switchboard.vault.VaultKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two instances' relays ({@link ClientStreams} with a {@link ClusterRelay} each) on one real
 * PostgreSQL, talking over real LISTEN/NOTIFY ({@link ClusterSignals}): a request for a stream held by
 * the other instance reaches it, small or too large for a NOTIFY, and its answer comes back; an
 * answer from another session is never taken, another session's stream never gets the request,
 * bounds are kept, and nothing stays in {@code mcp_relays} (docs/mcp.md, "Several instances").
 */
class ClusterRelayPostgresIT {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(3);
  static final String BIG = "x".repeat(9_000);
  /** The installation's signing key, shared by both instances as the vault keys are. */
  static final Keyring KEYS = Keyring.of(VaultKey.generate("k1"));
  static final Signer SIGNER = new Signer(() -> KEYS);
  static Database database;
  static RelayRows rows;
  static AdjustableClock clock = new AdjustableClock();
  static Instance a;
  static Instance b;

  /** One instance: its streams, its relay, its listener. */
  record Instance(ClientStreams streams, ClusterRelay relay, ClusterSignals signals) {
    static Instance start(String url) {
      AtomicReference<ClientStreams> here = new AtomicReference<>();
      ClusterSignals signals = new ClusterSignals(database, url, "postgres", "postgres", m -> {
        if (m.startsWith(ClusterRelay.PREFIX) && here.get() != null) {
          here.get().fromOtherInstance(m);
        }
      });
      ClusterRelay relay = new ClusterRelay(rows, signals::publish, JSON, clock, ANSWER_TIMEOUT);
      ClientStreams streams = new ClientStreams(JSON, ANSWER_TIMEOUT, SIGNER, relay);
      here.set(streams);
      return new Instance(streams, relay, signals);
    }

    void close() {
      relay.close();
      signals.close();
    }
  }

  /** A client's stream: keeps what it was sent, and may answer requests through some instance. */
  static final class Client implements ListChangedBroker.Sink {
    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final Consumer<JsonNode> answer;

    Client(Consumer<JsonNode> answer) {
      this.answer = answer;
    }

    @Override
    public boolean send(JsonNode message) {
      received.add(message);
      if (message.has("id")) {
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", message.get("id"));
        response.putObject("result").put("echo", message.path("params").path("text").asString(""));
        answer.accept(response);
      }
      return true;
    }

    @Override
    public void close() {}
  }

  @BeforeAll
  static void start() {
    String url = TestDatabases.newPostgresUrl();
    database = Database.open(url, "postgres", "postgres");
    rows = new RelayRows(database.jdbi());
    a = Instance.start(url);
    b = Instance.start(url);
  }

  @AfterAll
  static void stop() {
    if (a != null) {
      a.close();
      b.close();
    }
    if (database != null) {
      database.close();
    }
  }

  static long left() {
    return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mcp_relays").mapTo(Long.class).one());
  }

  static ObjectNode params(String text) {
    return JSON.createObjectNode().put("text", text);
  }

  @Test
  void aRequestReachesTheStreamOnTheOtherInstanceAndItsAnswerComesBackSmallOrLarge() throws Exception {
    String session = "session-both-ways";
    // the answer lands on the instance holding the stream, where nothing waits for it
    Client client = new Client(response -> b.streams().answered(session, response));
    b.streams().open(session, client);
    try {
      for (String text : List.of("small, with spaces", BIG)) {
        JsonNode answer = a.streams().ask(session, "sampling/createMessage", params(text));
        assertThat(answer.path("result").path("echo").asString()).as(answer.toString()).isEqualTo(text);
        assertThat(client.received.poll(5, TimeUnit.SECONDS).path("method").asString())
            .isEqualTo("sampling/createMessage");
      }
    } finally {
      b.streams().close(session, client);
    }
    assertThat(left()).isZero();
  }

  @Test
  void aNotificationReachesTheStreamOnTheOtherInstanceSmallOrLarge() throws Exception {
    String session = "session-notified";
    Client client = new Client(response -> { });
    b.streams().open(session, client);
    try {
      for (String text : List.of("small, with spaces", BIG)) {
        ObjectNode notification = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/message");
        notification.set("params", params(text));
        assertThat(a.streams().notify(session, notification)).isTrue();
        JsonNode got = client.received.poll(5, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        assertThat(got.path("params").path("text").asString()).isEqualTo(text);
      }
    } finally {
      b.streams().close(session, client);
    }
    assertThat(left()).isZero();
  }

  @Test
  void anAnswerFromAnotherSessionIsNeverTakenAndIsDroppedWithTheRequest() throws Exception {
    String session = "session-asked";
    // the answer is POSTed under another session (another user's, say), small and large
    for (String text : List.of("small, with spaces", BIG)) {
      Client client = new Client(response -> b.streams().answered("session-intruder", response));
      b.streams().open(session, client);
      try {
        JsonNode answer = a.streams().ask(session, "elicitation/create", params(text));
        assertThat(answer.path("result").isMissingNode()).as(answer.toString()).isTrue();
        assertThat(answer.path("error").path("message").asString()).contains("did not answer elicitation/create");
      } finally {
        b.streams().close(session, client);
      }
    }
    assertThat(left()).isZero();
  }

  @Test
  void anotherSessionsStreamNeverGetsTheRequestOrTheNotification() throws Exception {
    Client other = new Client(response -> b.streams().answered("session-other", response));
    b.streams().open("session-other", other);
    try {
      ObjectNode notification = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/message");
      notification.set("params", params(BIG));
      assertThat(a.streams().notify("session-nowhere", notification)).isTrue();
      JsonNode answer = a.streams().ask("session-nowhere", "sampling/createMessage", params("small"));
      assertThat(answer.path("error").path("message").asString()).contains("did not answer sampling/createMessage");
      // a message for the other session, sent after those, arrives: everything before it was seen
      ObjectNode marker = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/marker");
      assertThat(a.streams().notify("session-other", marker)).isTrue();
      assertThat(other.received.poll(5, TimeUnit.SECONDS).path("method").asString()).isEqualTo("notifications/marker");
      assertThat(other.received).isEmpty();
    } finally {
      b.streams().close("session-other", other);
    }
    // the large notification for a session without a stream waits until it expires, then is swept
    assertThat(left()).isEqualTo(1);
    clock.skip(ANSWER_TIMEOUT.plusSeconds(1));
    rows.sweep(clock.millis());
    assertThat(left()).isZero();
  }

  @Test
  void aMessageAboveTheSizeLimitOrBeyondTheSessionsRowsIsRefused() {
    JsonNode huge = a.streams().ask("session-huge", "sampling/createMessage", params("y".repeat(ClusterRelay.MAX_BYTES)));
    assertThat(huge.path("error").path("message").asString()).contains("larger than " + ClusterRelay.MAX_BYTES + " bytes");
    ObjectNode notification = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/message");
    notification.set("params", params(BIG));
    for (int i = 0; i < RelayRows.PER_SESSION; i++) {
      assertThat(a.streams().notify("session-full", notification)).isTrue();
    }
    assertThat(a.streams().notify("session-full", notification)).isFalse();
    assertThat(a.streams().notify("session-not-full", notification)).isTrue();
    clock.skip(ANSWER_TIMEOUT.plusSeconds(1));
    rows.sweep(clock.millis());
    assertThat(left()).isZero();
  }

  @Test
  void concurrentPutsNeverStoreMoreThanASessionsRows() throws Exception {
    int threads = 8;
    int each = 3 * RelayRows.PER_SESSION / threads;
    AtomicInteger stored = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < each; i++) {
            // rows of an earlier instant than every other test's, swept below
            rows.put("deliver", "session-race", null, "{}", 1, 2).ifPresent(id -> stored.incrementAndGet());
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long kept = database.jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM mcp_relays WHERE session_hash = 'session-race'").mapTo(Long.class).one());
    rows.sweep(3);
    assertThat(stored.get()).isEqualTo(RelayRows.PER_SESSION);
    assertThat(kept).isEqualTo(RelayRows.PER_SESSION);
  }
}
