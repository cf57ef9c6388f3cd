package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReusablesTest {
  private final AtomicInteger made = new AtomicInteger();

  @Test
  void anObjectGivenBackIsTakenAgainInsteadOfMakingOne() {
    Reusables<Integer> pool = new Reusables<>(2, made::incrementAndGet);

    Integer first = pool.take();
    pool.give(first);

    assertThat(pool.take()).isSameAs(first);
    assertThat(made).hasValue(1);
  }

  @Test
  void aFullPoolDropsWhatIsGivenAndAnEmptyOneMakesMore() {
    Reusables<Integer> pool = new Reusables<>(1, made::incrementAndGet);
    Integer a = pool.take();
    Integer b = pool.take();

    pool.give(a);
    pool.give(b); // no slot left: dropped

    assertThat(pool.take()).isSameAs(a);
    assertThat(pool.take()).isEqualTo(3);
    assertThat(made).hasValue(3);
  }

  @Test
  void noObjectIsHeldByTwoCallersAtOnce() throws Exception {
    Reusables<int[]> pool = new Reusables<>(4, () -> new int[1]);
    Set<int[]> held = ConcurrentHashMap.newKeySet();
    AtomicInteger clashes = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(threads.submit(() -> {
          for (int i = 0; i < 20_000; i++) {
            int[] taken = pool.take();
            if (!held.add(taken)) {
              clashes.incrementAndGet();
            }
            held.remove(taken);
            pool.give(taken);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(clashes).hasValue(0);
  }
}
