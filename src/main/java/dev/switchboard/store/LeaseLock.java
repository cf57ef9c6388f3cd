package dev.switchboard.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * One named lock row in {@code vault_locks}, shared by every process and instance on the database:
 * taken by one atomic {@code UPDATE … WHERE free}, held by an owner until an expiry, renewed while
 * the holder works, released at the end. A holder that dies without releasing frees the lock when
 * its lease expires. The same statements work on SQLite (writes are serialized) and PostgreSQL
 * (a concurrent {@code UPDATE} re-checks the condition after the other commits). Thread safe.
 */
public final class LeaseLock {
  /** Who holds a lock and until when. */
  public record Holder(String owner, Instant until) {}

  private final Jdbi jdbi;
  private final String name;
  private final Clock clock;

  /** The lock {@code name}; its row is created when first taken if the migration did not. */
  public LeaseLock(Jdbi jdbi, String name, Clock clock) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.name = Objects.requireNonNull(name, "name");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Takes the lock for {@code owner} if it is free, lapsed or already theirs; true when taken. */
  public boolean tryTake(String owner, Duration lease) {
    long now = clock.millis();
    return jdbi.inTransaction(h -> {
      h.createUpdate("INSERT INTO vault_locks (name, owner, expires_at) VALUES (:n, NULL, 0) "
              + "ON CONFLICT (name) DO NOTHING")
          .bind("n", name).execute();
      return h.createUpdate("UPDATE vault_locks SET owner = :o, expires_at = :until WHERE name = :n "
              + "AND (owner IS NULL OR owner = :o OR expires_at < :now)")
          .bind("o", owner).bind("until", now + lease.toMillis()).bind("n", name).bind("now", now)
          .execute() == 1;
    });
  }

  /** Extends {@code owner}'s lease; false when the lock is no longer theirs (it lapsed and was taken). */
  public boolean renew(String owner, Duration lease) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE vault_locks SET expires_at = :until "
            + "WHERE name = :n AND owner = :o")
        .bind("until", clock.millis() + lease.toMillis()).bind("n", name).bind("o", owner)
        .execute() == 1);
  }

  /** Releases the lock if {@code owner} still holds it; does nothing otherwise. */
  public void release(String owner) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE vault_locks SET owner = NULL, expires_at = 0 "
            + "WHERE name = :n AND owner = :o")
        .bind("n", name).bind("o", owner).execute());
  }

  /** The current holder, when the lock is held and its lease has not expired. */
  public Optional<Holder> holder() {
    long now = clock.millis();
    return jdbi.withHandle(h -> h.createQuery("SELECT owner, expires_at FROM vault_locks "
            + "WHERE name = :n AND owner IS NOT NULL AND expires_at >= :now")
        .bind("n", name).bind("now", now)
        .map((rs, ctx) -> new Holder(rs.getString("owner"), Instant.ofEpochMilli(rs.getLong("expires_at"))))
        .findOne());
  }
}
