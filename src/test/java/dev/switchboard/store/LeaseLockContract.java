package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database lease behind {@code vault rotate}, one suite for every database. Leases run on the
 * database's clock, so lapsing is shown with short leases and real waiting, not a pinned clock.
 */
abstract class LeaseLockContract {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private Database db;
  private LeaseLock lock;

  abstract String jdbcUrl();

  abstract String user();

  @BeforeEach
  void open() {
    db = Database.open(jdbcUrl(), user(), user());
    lock = new LeaseLock(db, "vault_rotation");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aSecondOwnerIsRefusedWhileTheFirstHoldsTheLeaseAndSeesWhoHoldsIt() {
    assertThat(lock.tryTake("first", LEASE)).isTrue();

    assertThat(lock.tryTake("second", LEASE)).isFalse();
    assertThat(lock.holder()).hasValueSatisfying(h -> assertThat(h.owner()).isEqualTo("first"));
  }

  @Test
  void aLeaseOfAHolderThatDiedLapsesAndTheNextOwnerTakesIt() throws InterruptedException {
    assertThat(lock.tryTake("killed", Duration.ofMillis(300))).isTrue();
    Thread.sleep(600);

    assertThat(lock.holder()).isEmpty();
    assertThat(lock.tryTake("next", LEASE)).isTrue();
    assertThat(lock.renew("killed", LEASE)).as("the old holder lost it").isFalse();
    assertThat(lock.renew("next", LEASE)).isTrue();
  }

  @Test
  void renewingKeepsTheLeaseBeyondItsFirstExpiry() throws InterruptedException {
    Duration shortLease = Duration.ofMillis(1500);
    assertThat(lock.tryTake("first", shortLease)).isTrue();
    Thread.sleep(1000);
    assertThat(lock.renew("first", shortLease)).isTrue();
    Thread.sleep(1000); // past the first expiry, well before the renewed one

    assertThat(lock.tryTake("second", LEASE)).isFalse();
  }

  @Test
  void releaseFreesTheLockOnlyForItsHolder() {
    assertThat(lock.tryTake("first", LEASE)).isTrue();
    lock.release("second");
    assertThat(lock.tryTake("second", LEASE)).isFalse();

    lock.release("first");
    assertThat(lock.holder()).isEmpty();
    assertThat(lock.tryTake("second", LEASE)).isTrue();
  }

  @Test
  void aLockNameWithoutARowYetIsCreatedOnFirstUse() {
    LeaseLock other = new LeaseLock(db, "another");

    assertThat(other.tryTake("first", LEASE)).isTrue();
    assertThat(other.tryTake("second", LEASE)).isFalse();
    assertThat(lock.tryTake("second", LEASE)).isTrue();
  }

  @Test
  void theExpiryIsTheDatabasesTimePlusTheLeaseWhateverTheProcessClockSays() {
    assertThat(lock.tryTake("first", LEASE)).isTrue();

    long left = db.jdbi().withHandle(h -> h.createQuery("SELECT expires_at - "
            + LeaseLock.nowMillis(db.dialect()) + " FROM vault_locks WHERE name = 'vault_rotation'")
        .mapTo(Long.class).one());
    assertThat(left).isBetween(LEASE.toMillis() - 5_000, LEASE.toMillis());
    long dbNow = db.jdbi().withHandle(h -> h.createQuery("SELECT " + LeaseLock.nowMillis(db.dialect()))
        .mapTo(Long.class).one());
    assertThat(dbNow).as("epoch milliseconds").isCloseTo(System.currentTimeMillis(), within(5_000L));
  }
}
