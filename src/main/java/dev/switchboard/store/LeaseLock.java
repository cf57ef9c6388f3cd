package dev.switchboard.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * One named lock row in {@code vault_locks}, shared by every process and instance on the database:
 * taken by one atomic {@code UPDATE … WHERE free}, held by an owner until an expiry, renewed while
 * the holder works, released at the end. A holder that dies without releasing frees the lock when
 * its lease expires. Expiries are set and compared with the database's own clock (epoch
 * milliseconds), never a process's: instances whose clocks disagree still agree on when a lease
 * ends, so a process whose clock runs ahead cannot take a live lease. The same statements work on
 * SQLite (writes are serialized) and PostgreSQL (a concurrent {@code UPDATE} re-checks the
 * condition after the other commits). Thread safe.
 */
public final class LeaseLock {
  /** Who holds a lock and until when. */
  public record Holder(String owner, Instant until) {}

  private final Jdbi jdbi;
  private final String name;
  private final String now;

  /** The lock {@code name}; its row is created when first taken if the migration did not. */
  public LeaseLock(Database database, String name) {
    this.jdbi = Objects.requireNonNull(database, "database").jdbi();
    this.name = Objects.requireNonNull(name, "name");
    this.now = nowMillis(database.dialect());
  }

  /** The database's current time in epoch milliseconds, as an SQL expression. */
  static String nowMillis(Dialect dialect) {
    return switch (dialect) {
      // julianday('now') is fixed for the whole statement; days since 1970-01-01 times ms per day
      case SQLITE -> "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
      // clock_timestamp(): the current time, not the start of the transaction as now() would be
      case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
    };
  }

  /** Takes the lock for {@code owner} if it is free, lapsed or already theirs; true when taken. */
  public boolean tryTake(String owner, Duration lease) {
    return jdbi.inTransaction(h -> {
      h.createUpdate("INSERT INTO vault_locks (name, owner, expires_at) VALUES (:n, NULL, 0) "
              + "ON CONFLICT (name) DO NOTHING")
          .bind("n", name).execute();
      return h.createUpdate("UPDATE vault_locks SET owner = :o, expires_at = " + now + " + :lease "
              + "WHERE name = :n AND (owner IS NULL OR owner = :o OR expires_at < " + now + ")")
          .bind("o", owner).bind("lease", lease.toMillis()).bind("n", name)
          .execute() == 1;
    });
  }

  /** Extends {@code owner}'s lease; false when the lock is no longer theirs (it lapsed and was taken). */
  public boolean renew(String owner, Duration lease) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE vault_locks SET expires_at = " + now + " + :lease "
            + "WHERE name = :n AND owner = :o")
        .bind("lease", lease.toMillis()).bind("n", name).bind("o", owner)
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
    return jdbi.withHandle(h -> h.createQuery("SELECT owner, expires_at FROM vault_locks "
            + "WHERE name = :n AND owner IS NOT NULL AND expires_at >= " + now)
        .bind("n", name)
        .map((rs, ctx) -> new Holder(rs.getString("owner"), Instant.ofEpochMilli(rs.getLong("expires_at"))))
        .findOne());
  }
}
