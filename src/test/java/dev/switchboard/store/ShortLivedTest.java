package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShortLivedTest {
  private final AtomicInteger computed = new AtomicInteger();

  private String compute(String key) {
    return key + computed.incrementAndGet();
  }

  @Test
  void aValueIsKeptForItsLifeAndDroppedByClear() {
    ShortLived<String, String> kept = new ShortLived<>(Duration.ofMinutes(1), 10);

    assertThat(kept.get("a", this::compute)).isEqualTo("a1");
    assertThat(kept.get("a", this::compute)).isEqualTo("a1");
    kept.clear();
    assertThat(kept.get("a", this::compute)).isEqualTo("a2");
  }

  @Test
  void nullIsNeverKeptAndExpiredValuesAreComputedAgain() throws InterruptedException {
    ShortLived<String, String> kept = new ShortLived<>(Duration.ofMillis(20), 10);

    assertThat(kept.get("a", k -> null)).isNull();
    assertThat(kept.get("a", this::compute)).isEqualTo("a1");
    Thread.sleep(40);
    assertThat(kept.get("a", this::compute)).isEqualTo("a2");
  }

  @Test
  void aValueComputedAcrossAClearIsNotServedAfterIt() {
    ShortLived<String, String> kept = new ShortLived<>(Duration.ofMinutes(1), 10);

    assertThat(kept.get("a", k -> {
      kept.clear(); // a change lands while the value is being computed
      return compute(k);
    })).isEqualTo("a1");
    assertThat(kept.get("a", this::compute)).isEqualTo("a2");
  }
}
