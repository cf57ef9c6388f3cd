package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.upstream.UpstreamUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GrantedTokensTest {
  /** A pinned clock that moves only when told. */
  static final class PinnedClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  final PinnedClock clock = new PinnedClock();
  final GrantedTokens tokens = new GrantedTokens(clock, Duration.ofSeconds(60));
  final AtomicInteger fetches = new AtomicInteger();

  GrantedTokens.Fetched fetch() {
    return new GrantedTokens.Fetched("token-" + fetches.incrementAndGet(), 3600L);
  }

  @Test
  void aTokenIsReusedUntilTheMarginBeforeItExpiresThenFetchedAgainOnce() {
    assertThat(tokens.token("k", null, d -> fetch())).isEqualTo("token-1");
    clock.advance(Duration.ofSeconds(3600 - 61));
    assertThat(tokens.token("k", null, d -> fetch())).isEqualTo("token-1");

    clock.advance(Duration.ofSeconds(1)); // now within the 60 s margin
    assertThat(tokens.token("k", null, d -> fetch())).isEqualTo("token-2");
    assertThat(tokens.token("k", null, d -> fetch())).isEqualTo("token-2");
    assertThat(fetches).hasValue(2);
  }

  @Test
  void concurrentCallersShareOneFetch() throws Exception {
    CountDownLatch inFetch = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(pool.submit(() -> tokens.token("k", null, d -> {
          inFetch.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return fetch();
        })));
      }
      assertThat(inFetch.await(10, TimeUnit.SECONDS)).isTrue();
      release.countDown();
      for (Future<String> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("token-1");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fetches).hasValue(1);
  }

  @Test
  void aFailedFetchCachesNothingAndKeysAreSeparate() {
    assertThatThrownBy(() -> tokens.token("k", null, d -> {
      throw new GrantRefusedException("the token endpoint answered HTTP 401 (invalid_client)", 401);
    })).isInstanceOf(GrantRefusedException.class);
    assertThat(tokens.token("k", null, d -> fetch())).isEqualTo("token-1");
    assertThat(tokens.token("other", null, d -> fetch())).isEqualTo("token-2");
  }

  @Test
  void anAnswerWithoutALifetimeIsKeptFiveMinutes() {
    assertThat(tokens.token("k", null, d -> new GrantedTokens.Fetched("short", null))).isEqualTo("short");
    clock.advance(GrantedTokens.DEFAULT_LIFETIME.minusSeconds(61));
    assertThat(tokens.token("k", null, d -> fetch())).isEqualTo("short");
    clock.advance(Duration.ofSeconds(2));
    assertThat(tokens.token("k", null, d -> fetch())).isEqualTo("token-1");
  }

  @Test
  void waitersShareTheOneFetchsFailureAndTheInFlightMapEmpties() throws Exception {
    CountDownLatch inFetch = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GrantRefusedException refused = new GrantRefusedException("the token endpoint answered HTTP 401", 401);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<String> owner = pool.submit(() -> tokens.token("k", null, d -> {
        fetches.incrementAndGet();
        inFetch.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw refused;
      }));
      assertThat(inFetch.await(10, TimeUnit.SECONDS)).isTrue();
      List<Throwable> failures = new ArrayList<>();
      List<Thread> waiters = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        Thread waiter = new Thread(() -> {
          try {
            tokens.token("k", null, d -> fetch());
          } catch (RuntimeException e) {
            synchronized (failures) {
              failures.add(e);
            }
          }
        });
        waiter.setDaemon(true);
        waiter.start();
        waiters.add(waiter);
      }
      for (Thread waiter : waiters) { // every waiter is parked on the fetch under way before it ends
        for (int spins = 0; spins < 10_000 && waiter.getState() != Thread.State.WAITING; spins++) {
          Thread.sleep(1);
        }
        assertThat(waiter.getState()).isEqualTo(Thread.State.WAITING);
      }
      release.countDown();
      for (Thread waiter : waiters) {
        waiter.join(10_000);
      }
      assertThat(failures).hasSize(7).allSatisfy(e -> assertThat(e).isSameAs(refused));
      assertThatThrownBy(() -> owner.get(10, TimeUnit.SECONDS)).hasCause(refused);
    } finally {
      pool.shutdownNow();
    }
    assertThat(fetches).hasValue(1);
    assertThat(tokens.inFlight()).isZero();
  }
  @Test
  void aWaiterDoesNotWaitPastItsDeadlineAndTheFetchIsGivenTheCallsDeadline() throws Exception {
    CountDownLatch inFetch = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Instant ownersDeadline = clock.instant().plusSeconds(30);
    List<Instant> given = new ArrayList<>();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<String> owner = pool.submit(() -> tokens.token("k", ownersDeadline, d -> {
        given.add(d);
        inFetch.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return fetch();
      }));
      assertThat(inFetch.await(10, TimeUnit.SECONDS)).isTrue();
      // a deadline already reached: the waiter gives up at once instead of queueing behind the fetch
      assertThatThrownBy(() -> tokens.token("k", clock.instant(), d -> fetch()))
          .isInstanceOf(UpstreamUnavailableException.class)
          .hasMessageContaining("before the call's deadline")
          .satisfies(e -> assertThat(((UpstreamUnavailableException) e).failure())
              .isEqualTo(UpstreamUnavailableException.Failure.TIMEOUT));
      release.countDown();
      assertThat(owner.get(10, TimeUnit.SECONDS)).isEqualTo("token-1");
    } finally {
      pool.shutdownNow();
    }
    assertThat(given).containsExactly(ownersDeadline);
    assertThat(fetches).hasValue(1);
    assertThat(tokens.inFlight()).isZero();
  }

  @Test
  void aTokenLivingNoLongerThanTheMarginIsReusedForHalfItsLifetime() {
    assertThat(tokens.token("k", null, d -> new GrantedTokens.Fetched("brief", 60L))).isEqualTo("brief");
    clock.advance(Duration.ofSeconds(29));
    assertThat(tokens.token("k", null, d -> fetch())).isEqualTo("brief");
    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.token("k", null, d -> fetch())).isEqualTo("token-1");
    assertThat(fetches).hasValue(1);
  }

  @Test
  void forgettingARejectedTokenEvictsItButNotAFresherOne() {
    assertThat(tokens.token("k", null, d -> fetch())).isEqualTo("token-1");
    tokens.forget("k", "token-0"); // an older token: the cached one stays
    assertThat(tokens.token("k", null, d -> fetch())).isEqualTo("token-1");
    tokens.forget("k", "token-1");
    assertThat(tokens.token("k", null, d -> fetch())).isEqualTo("token-2");
    assertThat(tokens.token("k", null, d -> fetch())).isEqualTo("token-2");
    assertThat(fetches).hasValue(2);
  }
}
