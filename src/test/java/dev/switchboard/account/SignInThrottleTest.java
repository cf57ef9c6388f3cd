package dev.switchboard.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testing.AdjustableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {
  final AdjustableClock clock = new AdjustableClock();
  final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Limits(3, 5, Duration.ofMinutes(15)), clock);

  @Test
  void anAccountIsRefusedAfterItsFailuresUntilTheOldestLeavesTheWindow() {
    for (int i = 0; i < 3; i++) {
      throttle.check("a@example.com", "10.0.0.1");
      throttle.failed("a@example.com", "10.0.0.1");
    }
    assertThatThrownBy(() -> throttle.check("a@example.com", "10.0.0.2"))
        .isInstanceOfSatisfying(TooManyAttempts.class, e -> {
          assertThat(e.code()).isEqualTo("too_many_attempts");
          assertThat(e.retryAfter()).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        });
    throttle.check("b@example.com", "10.0.0.1");
    clock.skip(Duration.ofMinutes(15).plusSeconds(1));
    throttle.check("a@example.com", "10.0.0.1");
  }

  @Test
  void anAddressIsRefusedAfterItsFailuresWhateverTheAccount() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user" + i + "@example.com", "10.0.0.9");
    }
    assertThatThrownBy(() -> throttle.check("new@example.com", "10.0.0.9")).isInstanceOf(TooManyAttempts.class);
    throttle.check("new@example.com", "10.0.0.10");
  }

  @Test
  void aSuccessClearsTheAccountsFailures() {
    throttle.failed("a@example.com", "10.0.0.1");
    throttle.failed("a@example.com", "10.0.0.1");
    throttle.succeeded("a@example.com");
    throttle.failed("a@example.com", "10.0.0.1");
    throttle.failed("a@example.com", "10.0.0.1");
    throttle.check("a@example.com", "10.0.0.1");
  }

  @Test
  void aLimitOfZeroTurnsItsCheckOff() {
    SignInThrottle off = new SignInThrottle(new SignInThrottle.Limits(0, 0, Duration.ofMinutes(1)), clock);
    for (int i = 0; i < 100; i++) {
      off.failed("a@example.com", "10.0.0.1");
    }
    off.check("a@example.com", "10.0.0.1");
  }
}
