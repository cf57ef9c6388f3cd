package dev.switchboard.authserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.AdjustableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AddressLimitsTest {
  private final AdjustableClock clock = new AdjustableClock();

  @Test
  void anIpv6AddressCountsByItsSlash64() {
    AddressLimits limits = new AddressLimits(2, Duration.ofHours(1), clock);

    assertThat(limits.take("2001:db8:1:2::1")).isTrue();
    assertThat(limits.take("2001:db8:1:2:ffff::9")).isTrue();

    assertThat(limits.take("[2001:db8:1:2:abcd::1]")).as("same /64").isFalse();
    assertThat(limits.take("2001:db8:1:3::1")).as("another /64").isTrue();
    assertThat(limits.take("192.0.2.1")).isTrue();
  }

  @Test
  void theWindowMovesOn() {
    AddressLimits limits = new AddressLimits(1, Duration.ofMinutes(1), clock);
    assertThat(limits.take("192.0.2.1")).isTrue();
    assertThat(limits.take("192.0.2.1")).isFalse();

    clock.skip(Duration.ofSeconds(61));

    assertThat(limits.take("192.0.2.1")).isTrue();
  }
}
