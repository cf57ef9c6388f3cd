package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A provider's longest call as its page says it. */
class LongestCallTextTest {
  @Test
  void secondsMinutesAndHoursReadNaturally() {
    assertThat(ProviderPageBuilder.span(Duration.ofSeconds(90))).isEqualTo("90 s");
    assertThat(ProviderPageBuilder.span(Duration.ofSeconds(60))).isEqualTo("1 min");
    assertThat(ProviderPageBuilder.span(Duration.ofMinutes(20))).isEqualTo("20 min");
    assertThat(ProviderPageBuilder.span(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
    assertThat(ProviderPageBuilder.span(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
    assertThat(ProviderPageBuilder.span(Duration.ofDays(1))).isEqualTo("24 h");
  }
}
