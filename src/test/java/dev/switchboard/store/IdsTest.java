package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void randomIdsHaveThePrefixAndTwentyBase62Characters() {
    assertThat(Ids.next("cred")).matches("cred_[0-9A-Za-z]{20}");
  }

  @Test
  void orderedIdsSortByTimeAndStayUnique() {
    String earlier = Ids.ordered("exe", 1_795_000_000_000L);
    String later = Ids.ordered("exe", 1_795_000_000_001L);

    assertThat(earlier).matches("exe_[0-9A-Za-z]{20}");
    assertThat(earlier.compareTo(later)).isNegative();
    Set<String> sameMillisecond = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      sameMillisecond.add(Ids.ordered("exe", 1_795_000_000_000L));
    }
    assertThat(sameMillisecond).hasSize(1000);
  }
}
