package dev.switchboard.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testing.AdjustableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
  final AdjustableClock clock = new AdjustableClock();
  final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Limits(3, 5, Duration.ofMinutes(15)), clock);

  @Test
  void anAccountIsRefusedAfterItsFailuresUntilTheOldestLeavesTheWindow() {
    for (int i = 0; i < 3; i++) {
      throttle.reserve("a@example.com", "10.0.0.1");
    }
    assertThatThrownBy(() -> throttle.reserve("a@example.com", "10.0.0.2"))
        .isInstanceOfSatisfying(TooManyAttempts.class, e -> {
          assertThat(e.code()).isEqualTo("too_many_attempts");
          assertThat(e.retryAfter()).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        });
    throttle.reserve("b@example.com", "10.0.0.1");
    clock.skip(Duration.ofMinutes(15).plusSeconds(1));
    throttle.reserve("a@example.com", "10.0.0.1");
  }

  @Test
  void anAddressIsRefusedAfterItsFailuresWhateverTheAccount() {
    for (int i = 0; i < 5; i++) {
      throttle.reserve("user" + i + "@example.com", "10.0.0.9");
    }
    assertThatThrownBy(() -> throttle.reserve("new@example.com", "10.0.0.9")).isInstanceOf(TooManyAttempts.class);
    throttle.reserve("new@example.com", "10.0.0.10");
  }

  @Test
  void aRefusedAttemptCountsNothingAgainstTheOtherKey() {
    for (int i = 0; i < 3; i++) {
      throttle.reserve("a@example.com", "10.0.0." + i);
    }
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> throttle.reserve("a@example.com", "10.0.0.7")).isInstanceOf(TooManyAttempts.class);
    }
    for (int i = 0; i < 5; i++) {
      throttle.reserve("other" + i + "@example.com", "10.0.0.7");
    }
  }

  @Test
  void aSuccessClearsTheAccountsFailuresAndRefundsItsOwnAttemptOnTheAddress() {
    throttle.reserve("a@example.com", "10.0.0.1");
    throttle.reserve("a@example.com", "10.0.0.1");
    throttle.succeeded(throttle.reserve("a@example.com", "10.0.0.1"));
    throttle.reserve("a@example.com", "10.0.0.1");
    throttle.reserve("a@example.com", "10.0.0.1");
    throttle.reserve("a@example.com", "10.0.0.1");
    // the address holds 5 failures; the success was refunded, so a sixth attempt would be refused
    assertThatThrownBy(() -> throttle.reserve("b@example.com", "10.0.0.1")).isInstanceOf(TooManyAttempts.class);
  }

  @Test
  void anAbandonedAttemptDoesNotCount() {
    for (int i = 0; i < 10; i++) {
      throttle.abandoned(throttle.reserve("a@example.com", "10.0.0.1"));
    }
    throttle.reserve("a@example.com", "10.0.0.1");
  }

  @Test
  void parallelAttemptsGetNoMoreTriesThanTheLimit() throws Exception {
    int attempts = 40;
    ExecutorService pool = Executors.newFixedThreadPool(attempts);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < attempts; i++) {
        String address = "10.0.0." + i;
        results.add(pool.submit(() -> {
          start.await();
          try {
            throttle.reserve("a@example.com", address);
            return true;
          } catch (TooManyAttempts e) {
            return false;
          }
        }));
      }
      start.countDown();
      int allowed = 0;
      for (Future<Boolean> r : results) {
        allowed += r.get() ? 1 : 0;
      }
      assertThat(allowed).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLimitOfZeroTurnsItsCheckOff() {
    SignInThrottle off = new SignInThrottle(new SignInThrottle.Limits(0, 0, Duration.ofMinutes(1)), clock);
    for (int i = 0; i < 100; i++) {
      off.reserve("a@example.com", "10.0.0.1");
    }
    off.reserve("a@example.com", "10.0.0.1");
  }
}
