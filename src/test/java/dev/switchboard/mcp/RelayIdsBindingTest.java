package dev.switchboard.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.vault.Keyring;
import dev.switchboard.vault.Signer;
import dev.switchboard.vault.VaultKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Relay ids are bound to their session by a MAC (docs/mcp.md, "Relayed server requests"): a
 * response POSTed with a forged id, another session's id or an altered one is dropped by
 * {@link ClientStreams} and never reaches the other instances; the genuine one does.
 */
class RelayIdsBindingTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final AtomicReference<Keyring> keys = new AtomicReference<>(Keyring.of(VaultKey.generate("k1")));
  private final Recording elsewhere = new Recording();
  // a client that takes no time at all to answer is still too slow: the answer finds no request here
  private final ClientStreams streams =
      new ClientStreams(JSON, Duration.ofMillis(1), new Signer(keys::get), elsewhere);

  /** Other instances that only record what they are handed. */
  static final class Recording implements OtherInstances {
    final List<String> answers = new ArrayList<>();

    @Override
    public Optional<String> ask(String sessionId, String relayId, ObjectNode request) {
      return Optional.of("no other instance in this test");
    }

    @Override
    public boolean notify(String sessionId, JsonNode notification) {
      return false;
    }

    @Override
    public void answered(String sessionId, String relayId, JsonNode response) {
      answers.add(sessionId + " " + relayId);
    }

    @Override
    public void done(String relayId) {}

    @Override
    public void received(String message, ClientStreams here) {}

    @Override
    public void close() {}
  }

  /** The id of a request relayed to the stream of {@code sessionId} here, which waits no longer. */
  private String relayedTo(String sessionId) {
    List<String> sent = new ArrayList<>();
    ListChangedBroker.Sink sink = new ListChangedBroker.Sink() {
      @Override
      public boolean send(JsonNode message) {
        sent.add(message.path("id").asString());
        return true;
      }

      @Override
      public void close() {}
    };
    streams.open(sessionId, sink);
    try {
      JsonNode outcome = streams.ask(sessionId, "sampling/createMessage", JSON.createObjectNode());
      assertThat(outcome.path("error").path("message").asString()).contains("did not answer");
    } finally {
      streams.close(sessionId, sink);
    }
    assertThat(sent).hasSize(1);
    return sent.get(0);
  }

  private static ObjectNode response(String id) {
    ObjectNode out = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id);
    out.putObject("result").put("role", "assistant");
    return out;
  }

  private static String swap(String id, int at) {
    char c = id.charAt(at);
    char other = c == 'A' ? 'B' : 'A';
    return id.substring(0, at) + other + id.substring(at + 1);
  }

  @Test
  void theGenuineIdOfTheSameSessionGoesToTheOtherInstances() {
    String id = relayedTo("session-a");
    assertThat(id).matches("sb-relay-[0-9A-Za-z]{16}\\.[0-9a-z]{7}\\.[0-9A-Za-z_-]{43}");
    assertThat(streams.answered("session-a", response(id))).isTrue();
    assertThat(elsewhere.answers).containsExactly("session-a " + id);
  }

  @Test
  void anIdOfAnotherSessionIsDroppedBeforeTheOtherInstances() {
    String id = relayedTo("session-a");
    assertThat(streams.answered("session-b", response(id))).isFalse();
    assertThat(elsewhere.answers).isEmpty();
  }

  @Test
  void forgedIdsAreDroppedBeforeTheOtherInstances() {
    String mac = "A".repeat(43);
    for (String forged : List.of("sb-relay-", "sb-relay-abc", "sb-relay-0123456789abcdef",
        "sb-relay-0123456789abcdef." + mac, "sb-relay-0123456789abcdef." + "!".repeat(43),
        "sb-relay-0123456789abcdef." + mac + "A")) {
      assertThat(streams.answered("session-a", response(forged))).as(forged).isFalse();
    }
    // a genuine id of another installation (another vault key) is as forged here
    Keyring theirKeys = Keyring.of(VaultKey.generate("k9"));
    String theirs = new RelayIds(new Signer(() -> theirKeys), Clock.systemUTC(), Duration.ofMinutes(1)).issue("session-a");
    assertThat(streams.answered("session-a", response(theirs))).isFalse();
    assertThat(elsewhere.answers).isEmpty();
  }

  @Test
  void anAlteredIdIsDroppedBeforeTheOtherInstances() {
    String id = relayedTo("session-a");
    int random = "sb-relay-".length();
    int mac = random + 17 + 8;
    int expiry = random + 17;
    for (String altered : List.of(swap(id, random), swap(id, random + 15), swap(id, expiry + 6), swap(id, mac),
        swap(id, mac + 20),
        id.replace('.', '-'), id.substring(0, id.length() - 1))) {
      assertThat(streams.answered("session-a", response(altered))).as(altered).isFalse();
    }
    assertThat(elsewhere.answers).isEmpty();
  }

  @Test
  void anIdExpiresAMinuteAfterItsWaitEndedAndItsLateAnswerIsDropped() {
    Instant now = Instant.parse("2026-12-07T12:00:00Z");
    Signer signer = new Signer(keys::get);
    Duration lifetime = Duration.ofSeconds(30).plus(ClientStreams.ID_SLACK);
    String id = new RelayIds(signer, Clock.fixed(now, ZoneOffset.UTC), lifetime).issue("session-a");

    assertThat(new RelayIds(signer, Clock.fixed(now.plus(lifetime), ZoneOffset.UTC), lifetime)
        .issuedTo("session-a", id)).isTrue();
    assertThat(new RelayIds(signer, Clock.fixed(now.plus(lifetime).plusSeconds(2), ZoneOffset.UTC), lifetime)
        .issuedTo("session-a", id)).isFalse();
    ClientStreams later = new ClientStreams(JSON, Duration.ofSeconds(30), signer, elsewhere,
        Clock.fixed(now.plus(lifetime).plusSeconds(2), ZoneOffset.UTC));
    assertThat(later.answered("session-a", response(id))).isFalse();
    assertThat(elsewhere.answers).isEmpty();
  }

  @Test
  void anIdIssuedBeforeARotationStillVerifiesWhileItsKeyIsKept() {
    String id = relayedTo("session-a");
    keys.set(keys.get().withPrimary(VaultKey.generate("k2")));
    assertThat(streams.answered("session-a", response(id))).isTrue();
    assertThat(elsewhere.answers).containsExactly("session-a " + id);
  }
}
