package dev.switchboard.mcp;

import dev.switchboard.mcp.internal.RelayRows;
import dev.switchboard.vault.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Relays between the instances that share one PostgreSQL (docs/mcp.md, "Several instances"), over
 * the cluster messages ({@code store.ClusterSignals}, LISTEN/NOTIFY): what is meant for a session's
 * GET stream is published as {@code relay deliver <session hash> <body>}, and the instance holding
 * that stream sends it; a client's answer that lands on an instance where nothing waits for it is
 * published as {@code relay answer <session hash> <relay id> <body>}, and the instance whose request
 * waits for that id <em>and that session</em> takes it. The body is the message itself
 * ({@code json:…}) when it fits a NOTIFY, else the id of a row of {@link RelayRows} ({@code row:…})
 * that only the same session hash can take, and taking deletes. Rows live as long as a client may
 * take to answer; expired ones are swept. Thread safe.
 */
public final class ClusterRelay implements OtherInstances {
  /** How every cluster message of the relays begins. */
  public static final String PREFIX = "relay ";
  /** The largest message relayed, in UTF-8 bytes. */
  public static final int MAX_BYTES = 1 << 20;
  /** The largest message carried in the NOTIFY itself (whose payload must stay under 8,000 bytes). */
  static final int INLINE_BYTES = 7_000;
  private static final Logger LOG = LoggerFactory.getLogger(ClusterRelay.class);
  private static final String DELIVER = "deliver";
  private static final String ANSWER = "answer";
  private final RelayRows rows;
  private final Consumer<String> publish;
  private final JsonMapper json;
  private final Clock clock;
  private final Duration lifetime;
  private final ScheduledExecutorService sweeper;

  /**
   * {@code publish} sends a message to every instance; {@code lifetime}: how long a stored message
   * waits (the time a client has to answer a relayed request).
   */
  public ClusterRelay(RelayRows rows, Consumer<String> publish, JsonMapper json, Clock clock, Duration lifetime) {
    this.rows = rows;
    this.publish = publish;
    this.json = json;
    this.clock = clock;
    this.lifetime = lifetime;
    this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "relay-sweep");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1_000, lifetime.toMillis());
    sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public Optional<String> ask(String sessionId, String relayId, ObjectNode request) {
    String method = request.path("method").asString("");
    return send(DELIVER, Digests.sha256Hex(sessionId), relayId, request) ? Optional.empty()
        : Optional.of("Switchboard could not hand " + method + " to the instance holding the client's stream "
            + "(larger than " + MAX_BYTES + " bytes, or too many relayed messages waiting)");
  }

  @Override
  public boolean notify(String sessionId, JsonNode notification) {
    return send(DELIVER, Digests.sha256Hex(sessionId), null, notification);
  }

  @Override
  public void answered(String sessionId, String relayId, JsonNode response) {
    if (!send(ANSWER, Digests.sha256Hex(sessionId), relayId, response)) {
      LOG.warn("a client's answer to a relayed request could not be handed to the other instances "
          + "(larger than {} bytes, or too many relayed messages waiting)", MAX_BYTES);
    }
  }

  @Override
  public void done(String relayId) {
    try {
      rows.drop(relayId);
    } catch (RuntimeException e) {
      LOG.warn("dropping what is left of a relayed request failed: {}", e.getMessage());
    }
  }

  @Override
  public void received(String message, ClientStreams here) {
    // the body, last, may hold spaces: split no further than the fields before it
    String kind = message.split(" ", 3)[1];
    String[] parts = message.split(" ", kind.equals(ANSWER) ? 5 : 4);
    if (parts.length == 4 && kind.equals(DELIVER)) {
      String hash = parts[2];
      if (here.holds(hash)) {
        body(parts[3], DELIVER, hash).ifPresent(m -> here.sendHashed(hash, m));
      }
    } else if (parts.length == 5 && kind.equals(ANSWER)) {
      String hash = parts[2];
      Optional<String> session = here.waitingFor(parts[3]);
      // only the request that waits for this session takes it; another session's answer stays unread
      if (session.isPresent() && Digests.sha256Hex(session.get()).equals(hash)) {
        body(parts[4], ANSWER, hash).ifPresent(m -> here.taken(session.get(), m));
      }
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }

  private boolean send(String kind, String hash, String relayId, JsonNode message) {
    String text = json.writeValueAsString(message);
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return false;
    }
    String head = PREFIX + kind + " " + hash + (kind.equals(ANSWER) ? " " + relayId : "");
    if (bytes <= INLINE_BYTES) {
      publish.accept(head + " json:" + text);
      return true;
    }
    long now = clock.millis();
    Optional<String> row = rows.put(kind, hash, relayId, text, now, now + lifetime.toMillis());
    row.ifPresent(id -> publish.accept(head + " row:" + id));
    return row.isPresent();
  }

  private Optional<JsonNode> body(String body, String kind, String hash) {
    Optional<String> text = body.startsWith("json:") ? Optional.of(body.substring(5))
        : body.startsWith("row:") ? rows.take(body.substring(4), kind, hash, clock.millis()) : Optional.empty();
    try {
      return text.map(json::readTree);
    } catch (JacksonException e) {
      LOG.warn("a relayed message from another instance is not JSON; dropped");
      return Optional.empty();
    }
  }

  private void sweep() {
    try {
      rows.sweep(clock.millis());
    } catch (RuntimeException e) {
      LOG.warn("sweeping expired relayed messages failed: {}", e.getMessage());
    }
  }
}
