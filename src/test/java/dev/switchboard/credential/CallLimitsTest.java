package dev.switchboard.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import org.junit.jupiter.api.Test;

class CallLimitsTest {
  @Test
  void aUserOverThePerProviderLimitIsRefusedWithAnErrorNamingTheSettingWhileOtherProvidersStillRun() {
    CallLimits limits = new CallLimits(3, 2);
    limits.take("alice", "slow");
    limits.take("alice", "slow");

    assertThatThrownBy(() -> limits.take("alice", "slow"))
        .isInstanceOfSatisfying(SwitchboardException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.TOO_MANY_REQUESTS);
          assertThat(e.code()).isEqualTo("too_many_calls");
          assertThat(e.getMessage()).contains("to slow", "limit 2", "SWITCHBOARD_MAX_CALLS_PER_USER_PROVIDER");
        });
    assertThat(limits.take("alice", "calculator")).isNotNull();
  }

  @Test
  void aUserOverThePerUserLimitIsRefusedWhileAnotherUserStillRuns() {
    CallLimits limits = new CallLimits(2, 2);
    limits.take("alice", "a");
    limits.take("alice", "b");

    assertThatThrownBy(() -> limits.take("alice", "c"))
        .hasMessageContaining("limit 2, SWITCHBOARD_MAX_CALLS_PER_USER)");
    assertThat(limits.take("bob", "a")).isNotNull();
  }

  @Test
  void closingASlotGivesItBackAndARefusalTakesNothing() {
    CallLimits limits = new CallLimits(1, 1);
    CallLimits.Slot slot = limits.take("alice", "a");
    assertThatThrownBy(() -> limits.take("alice", "a")).isInstanceOf(SwitchboardException.class);
    assertThatThrownBy(() -> limits.take("alice", "b")).isInstanceOf(SwitchboardException.class);

    slot.close();

    limits.take("alice", "b").close();
    assertThat(limits.take("alice", "a")).isNotNull();
  }
}
