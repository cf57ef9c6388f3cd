package dev.switchboard.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CallBudgetTest {
  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Duration FIVE = Duration.ofSeconds(5);

  @Test
  void withTimeToSpareTheConfiguredTimeoutsApply() {
    CallBudget budget = new CallBudget(NOW.plusSeconds(30), CLOCK);

    assertThat(budget.connectTimeout(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
    assertThat(budget.statementTimeout(FIVE)).isEqualTo(FIVE);
    assertThat(budget.networkTimeoutMillis(FIVE)).isEqualTo(6_000);
  }

  @Test
  void nearTheDeadlineEveryTimeoutShrinksToWhatIsLeft() {
    CallBudget budget = new CallBudget(NOW.plusSeconds(2), CLOCK);

    assertThat(budget.connectTimeout(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(2));
    assertThat(budget.statementTimeout(FIVE)).isEqualTo(Duration.ofMillis(1_800));
    assertThat(budget.networkTimeoutMillis(FIVE)).isEqualTo(2_800);
    assertThat(budget.exhausted()).isFalse();
  }

  @Test
  void aPassedDeadlineIsExhausted() {
    assertThat(new CallBudget(NOW.minusMillis(1), CLOCK).exhausted()).isTrue();
    assertThat(new CallBudget(NOW.plusMillis(10), CLOCK).exhausted()).isTrue();
  }

  @Test
  void withoutADeadlineOnlyTheLimitsApply() {
    assertThat(new CallBudget(null, CLOCK).statementTimeout(FIVE)).isEqualTo(FIVE);
  }
}
