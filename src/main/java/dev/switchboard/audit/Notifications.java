package dev.switchboard.audit;

import dev.switchboard.error.SwitchboardException;
import dev.switchboard.store.Cursor;
import dev.switchboard.store.Ids;
import dev.switchboard.store.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** A user's notifications: raised by the gateway, listed newest first, marked read by the user. */
public final class Notifications {
  private static final RowMapper<Notification> MAPPER = (rs, ctx) -> new Notification(
      rs.getString("id"), rs.getString("user_id"), rs.getString("kind"), rs.getString("title"),
      rs.getString("message"), rs.getString("fix"), Optional.ofNullable(rs.getString("link")),
      Instant.ofEpochMilli(rs.getLong("created_at")),
      instant(rs.getObject("read_at")), instant(rs.getObject("resolved_at")));
  private final Jdbi jdbi;
  private final Clock clock;

  public Notifications(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  private static Optional<Instant> instant(Object millis) {
    return Optional.ofNullable((Number) millis).map(n -> Instant.ofEpochMilli(n.longValue()));
  }

  public Notification raise(String userId, String kind, String title, String message, String fix,
      String link) {
    return raise(userId, kind, title, message, fix, link, null);
  }

  /**
   * Raises a notification about a problem with {@code subject} ({@code bundle:<id>},
   * {@code provider:<slug>}), which {@link #resolve} marks resolved when the problem ends.
   */
  public Notification raise(String userId, String kind, String title, String message, String fix,
      String link, String subject) {
    Notification n = new Notification(Ids.next("ntf"), userId, kind, title, message, fix,
        Optional.ofNullable(link), clock.instant(), Optional.empty(), Optional.empty());
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO notifications (id, user_id, kind, title, message, "
            + "fix, link, created_at, subject) VALUES (:id, :user, :kind, :title, :message, :fix, :link, :at, :subject)")
        .bind("id", n.id()).bind("user", userId).bind("kind", kind).bind("title", title)
        .bind("message", message).bind("fix", fix).bind("link", link)
        .bind("at", n.createdAt().toEpochMilli()).bind("subject", subject).execute());
    return n;
  }

  /**
   * Marks the user's unresolved notifications about {@code subject} resolved.
   *
   * @return how many were resolved (0 when there was no open problem)
   */
  public int resolve(String userId, String subject) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE notifications SET resolved_at = :at "
            + "WHERE user_id = :user AND subject = :subject AND resolved_at IS NULL")
        .bind("at", clock.instant().toEpochMilli()).bind("user", userId).bind("subject", subject).execute());
  }

  public Page<Notification> list(String userId, Optional<String> cursor, int limit) {
    Page.checkLimit(limit, 200);
    Optional<Cursor> after = cursor.map(Cursor::decode);
    List<Notification> found = jdbi.withHandle(h -> {
      var q = h.createQuery("SELECT * FROM notifications WHERE user_id = :user"
          + (after.isPresent() ? " AND (created_at < :at OR (created_at = :at AND id < :id))" : "")
          + " ORDER BY created_at DESC, id DESC LIMIT :limit").bind("user", userId).bind("limit", limit + 1);
      after.ifPresent(a -> q.bind("at", a.at()).bind("id", a.id()));
      return q.map(MAPPER).list();
    });
    return Page.of(found, limit, n -> new Cursor(n.createdAt().toEpochMilli(), n.id()));
  }

  /** Marks one of the user's notifications read; someone else's id is "not found". */
  public void markRead(String userId, String id) {
    int changed = jdbi.withHandle(h -> h.createUpdate("UPDATE notifications SET read_at = :at "
            + "WHERE user_id = :user AND id = :id")
        .bind("at", clock.instant().toEpochMilli()).bind("user", userId).bind("id", id).execute());
    if (changed == 0) {
      throw SwitchboardException.notFound("notification");
    }
  }
}
