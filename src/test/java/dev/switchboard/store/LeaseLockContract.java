package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.AdjustableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database lease behind {@code vault rotate}, one suite for every database. */
abstract class LeaseLockContract {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private final AdjustableClock clock = new AdjustableClock();
  private Database db;
  private LeaseLock lock;

  abstract String jdbcUrl();

  abstract String user();

  @BeforeEach
  void open() {
    db = Database.open(jdbcUrl(), user(), user());
    lock = new LeaseLock(db.jdbi(), "vault_rotation", clock);
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
  void aLeaseOfAHolderThatDiedLapsesAndTheNextOwnerTakesIt() {
    assertThat(lock.tryTake("killed", LEASE)).isTrue();
    clock.skip(LEASE.plusSeconds(1));

    assertThat(lock.holder()).isEmpty();
    assertThat(lock.tryTake("next", LEASE)).isTrue();
    assertThat(lock.renew("killed", LEASE)).as("the old holder lost it").isFalse();
    assertThat(lock.renew("next", LEASE)).isTrue();
  }

  @Test
  void renewingKeepsTheLeaseBeyondItsFirstExpiry() {
    assertThat(lock.tryTake("first", LEASE)).isTrue();
    clock.skip(LEASE.minusSeconds(5));
    assertThat(lock.renew("first", LEASE)).isTrue();
    clock.skip(Duration.ofSeconds(10));

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
    LeaseLock other = new LeaseLock(db.jdbi(), "another", clock);

    assertThat(other.tryTake("first", LEASE)).isTrue();
    assertThat(other.tryTake("second", LEASE)).isFalse();
    assertThat(lock.tryTake("second", LEASE)).isTrue();
  }
}
