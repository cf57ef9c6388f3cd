package dev.switchboard.mcp.internal;

import dev.switchboard.store.Ids;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Relayed messages too large for a PostgreSQL NOTIFY, waiting in {@code mcp_relays} for the instance
 * that delivers them (docs/mcp.md, "Several instances"). Each row names the hash of the session it
 * is for, and only a take that names the same hash gets it; taking deletes it. Bounded: at most
 * {@value #PER_SESSION} rows per session and {@value #IN_ALL} in all, each kept until it expires;
 * strictly, across instances, since puts take a table lock in turn. PostgreSQL only. Thread safe.
 */
public final class RelayRows {
  /** Rows one session may have waiting at once. */
  public static final int PER_SESSION = 32;
  /** Rows all sessions together may have waiting at once. */
  public static final int IN_ALL = 10_000;
  private final Jdbi jdbi;

  public RelayRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Stores {@code payload} (a JSON-RPC message) for the session hashed {@code sessionHash}, after
   * dropping expired rows. {@code kind} is {@code deliver} (to the client) or {@code answer} (from
   * it); {@code relayId} names the relayed request it belongs to, null for a notification.
   *
   * @return the row's id, or empty when the session or the table is full
   */
  public Optional<String> put(String kind, String sessionHash, String relayId, String payload, long now,
      long expiresAt) {
    return jdbi.inTransaction(h -> {
      // puts one at a time, so that two cannot both count a free row and both take it (the lock
      // conflicts with itself and with takes, not with reads; it is held until the commit)
      h.execute("LOCK TABLE mcp_relays IN SHARE ROW EXCLUSIVE MODE");
      h.createUpdate("DELETE FROM mcp_relays WHERE expires_at < :now").bind("now", now).execute();
      int mine = h.createQuery("SELECT COUNT(*) FROM mcp_relays WHERE session_hash = :h")
          .bind("h", sessionHash).mapTo(Integer.class).one();
      int all = h.createQuery("SELECT COUNT(*) FROM mcp_relays").mapTo(Integer.class).one();
      if (mine >= PER_SESSION || all >= IN_ALL) {
        return Optional.<String>empty();
      }
      String id = Ids.next("rly");
      h.createUpdate("INSERT INTO mcp_relays (id, kind, session_hash, relay_id, payload, expires_at) "
              + "VALUES (:id, :kind, :h, :relay, :payload, :expires)")
          .bind("id", id).bind("kind", kind).bind("h", sessionHash).bind("relay", relayId)
          .bind("payload", payload).bind("expires", expiresAt).execute();
      return Optional.of(id);
    });
  }

  /** Deletes row {@code id} of kind {@code kind} and gives its payload, if it is for that session and alive. */
  public Optional<String> take(String id, String kind, String sessionHash, long now) {
    return jdbi.withHandle(h -> h.createQuery("DELETE FROM mcp_relays WHERE id = :id AND kind = :kind "
            + "AND session_hash = :h AND expires_at >= :now RETURNING payload")
        .bind("id", id).bind("kind", kind).bind("h", sessionHash).bind("now", now)
        .mapTo(String.class).findOne());
  }

  /** Deletes every row of relayed request {@code relayId}: its wait is over. */
  public void drop(String relayId) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM mcp_relays WHERE relay_id = :relay")
        .bind("relay", relayId).execute());
  }

  /** Deletes the rows that expired before {@code now}. */
  public void sweep(long now) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM mcp_relays WHERE expires_at < :now").bind("now", now)
        .execute());
  }
}
