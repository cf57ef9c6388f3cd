package dev.switchboard.audit;

import dev.switchboard.store.Cursor;
import dev.switchboard.store.Ids;
import dev.switchboard.store.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of credential actions, readable by the credential's owner at
 * {@code /api/v1/audit}. Recording never fails the action it records. Uses ({@code USED}) are
 * recorded at most once a minute per credential, so that tool calls do not flood it.
 */
public final class AuditTrail {
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  private static final RowMapper<AuditEvent> MAPPER = (rs, ctx) -> new AuditEvent(rs.getString("id"),
      rs.getString("user_id"), rs.getString("actor"), rs.getString("action"), rs.getString("credential_id"),
      rs.getString("provider"), Optional.ofNullable(rs.getString("detail")), Instant.ofEpochMilli(rs.getLong("at")));
  private static final long USED_EVERY_MILLIS = 60_000;
  private final Jdbi jdbi;
  private final Clock clock;
  private final Map<String, Long> usedRecorded = new ConcurrentHashMap<>();

  public AuditTrail(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Records one action. USED is recorded at most once a minute per credential: this instance
   * remembers when it last did, so that a stream of calls costs no database work.
   */
  public void record(String userId, String actor, String action, String credentialId, String provider,
      String detail) {
    long now = clock.millis();
    if (action.equals("USED")) {
      Long last = usedRecorded.get(credentialId);
      if (last != null && now - last < USED_EVERY_MILLIS) {
        return;
      }
      if (usedRecorded.size() >= 100_000) {
        usedRecorded.clear(); // only saves work: the database check below still holds
      }
      usedRecorded.put(credentialId, now);
    }
    try {
      jdbi.useHandle(h -> insert(h, userId, actor, action, credentialId, provider, detail, now));
    } catch (RuntimeException e) {
      LOG.warn("could not record a {} audit event: {}", action, e.getClass().getSimpleName());
    }
  }

  private static void insert(Handle h, String userId, String actor, String action, String credentialId,
      String provider, String detail, long now) {
    if (action.equals("USED") && h.createQuery("SELECT COUNT(*) FROM audit_events WHERE credential_id = :c "
            + "AND action = 'USED' AND at > :since")
        .bind("c", credentialId).bind("since", now - USED_EVERY_MILLIS).mapTo(Integer.class).one() > 0) {
      return; // another instance recorded this minute's use
    }
    h.createUpdate("INSERT INTO audit_events (id, user_id, actor, action, credential_id, provider, detail, at) "
            + "VALUES (:id, :user, :actor, :action, :cred, :provider, :detail, :at)")
        .bind("id", Ids.next("aud")).bind("user", userId).bind("actor", actor).bind("action", action)
        .bind("cred", credentialId).bind("provider", provider).bind("detail", detail).bind("at", now)
        .execute();
  }

  /** The user's events, newest first; optionally of one credential. */
  public Page<AuditEvent> list(String userId, Optional<String> credentialId, Optional<String> cursor, int limit) {
    Page.checkLimit(limit, 200);
    Optional<Cursor> after = cursor.map(Cursor::decode);
    List<AuditEvent> found = jdbi.withHandle(h -> {
      var q = h.createQuery("SELECT * FROM audit_events WHERE user_id = :user"
          + (credentialId.isPresent() ? " AND credential_id = :cred" : "")
          + (after.isPresent() ? " AND (at < :at OR (at = :at AND id < :id))" : "")
          + " ORDER BY at DESC, id DESC LIMIT :limit").bind("user", userId).bind("limit", limit + 1);
      credentialId.ifPresent(c -> q.bind("cred", c));
      after.ifPresent(a -> q.bind("at", a.at()).bind("id", a.id()));
      return q.map(MAPPER).list();
    });
    return Page.of(found, limit, e -> new Cursor(e.at().toEpochMilli(), e.id()));
  }
}
