package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {
  @Test
  void defaultsKeepOneUsersShareOfAHostsConnectionsSmall() {
    RequestLimits limits = SettingsLoader.fromValues(Map.of()).limits();

    assertThat(limits).isEqualTo(new RequestLimits(32, 16, 16, 256, Duration.ofSeconds(10), 32));
  }

  @Test
  void settingsChangeEachLimit() {
    RequestLimits limits = SettingsLoader.fromValues(Map.of("SWITCHBOARD_MAX_CALLS_PER_USER", "8",
        "SWITCHBOARD_MAX_CALLS_PER_USER_PROVIDER", "4", "SWITCHBOARD_MAX_STREAMS_PER_USER", "2",
        "SWITCHBOARD_OUTBOUND_CONNECTIONS_PER_HOST", "64", "SWITCHBOARD_BODY_TIMEOUT_MS", "1500",
        "SWITCHBOARD_MAX_ANONYMOUS_BODIES", "0")).limits();

    assertThat(limits).isEqualTo(new RequestLimits(8, 4, 2, 64, Duration.ofMillis(1500), 0));
  }

  @Test
  void aPerUserAndProviderLimitThatCouldTakeEveryConnectionToAHostIsRefused() {
    assertThatThrownBy(() -> SettingsLoader.fromValues(Map.of("SWITCHBOARD_MAX_CALLS_PER_USER_PROVIDER", "64",
        "SWITCHBOARD_OUTBOUND_CONNECTIONS_PER_HOST", "64")))
        .hasMessageContaining("SWITCHBOARD_MAX_CALLS_PER_USER_PROVIDER must be at least 1 and below");
  }
}
