package dev.switchboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.IsolationLoad;
import dev.switchboard.testing.IsolationLoad.Counts;
import dev.switchboard.testing.IsolationLoad.Refusal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's acceptance at its full counts, on the JDK the README asks for: while one user holds
 * 500 idle streams and 1,000 calls to an upstream that never answers, and 300 anonymous connections
 * trickle request bodies, another user's calculator call and {@code /healthz} still answer, and the
 * first user's next stream, call and body are refused with errors that name their limits. The limits
 * are raised to those counts so that all of it is really held at once. The 200 ms of the issue is a
 * speed target: the latencies are printed here and measured by {@code IsolationBenchmark}; the
 * test's bound is a hang guard.
 */
class IsolationAtScaleIT {
  private static final Counts FULL = new Counts(500, 1_000, 300);
  private static final int SAMPLES = 20;
  private static final long HANG_GUARD_MS = 5_000;

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void otherUsersAndHealthzAnswerWhileOneUserHoldsThousandsOfRequests() throws Exception {
    try (IsolationLoad load = IsolationLoad.start(dir, FULL, Map.of())) {
      // the other user's connection and code paths warm before the load, as they would be in use
      load.timeHealthz();
      load.timeCalculator();
      Refusal stream = load.holdStreams();
      Refusal body = load.trickleBodies();
      Refusal call = load.holdCalls();

      long[] healthz = new long[SAMPLES];
      long[] calculator = new long[SAMPLES];
      for (int i = 0; i < SAMPLES; i++) {
        healthz[i] = TimeUnit.NANOSECONDS.toMillis(load.timeHealthz());
        calculator[i] = TimeUnit.NANOSECONDS.toMillis(load.timeCalculator());
      }
      long stillHeld = load.callsInFlight();
      int upstreamHeld = load.upstream().held();
      System.out.printf("isolation at scale (Java %d): %d streams, %d calls, %d bodies held; "
              + "/healthz ms %s; other user's calculator ms %s%n", Runtime.version().feature(),
          FULL.streams(), upstreamHeld, FULL.bodies(), Arrays.toString(healthz), Arrays.toString(calculator));

      assertThat(stillHeld).as("greedy calls still in flight while measured").isEqualTo(FULL.calls());
      assertThat(upstreamHeld).isEqualTo(FULL.calls());
      assertThat(Arrays.stream(healthz).max().orElseThrow()).isLessThan(HANG_GUARD_MS);
      assertThat(Arrays.stream(calculator).max().orElseThrow()).isLessThan(HANG_GUARD_MS);
      assertThat(stream.status()).as(stream.body()).isEqualTo(429);
      assertThat(stream.retryAfter()).isEqualTo("1");
      assertThat(stream.body()).contains("too many open streams", "SWITCHBOARD_MAX_STREAMS_PER_USER");
      assertThat(body.status()).as(body.body()).isEqualTo(429);
      assertThat(body.retryAfter()).isEqualTo("1");
      assertThat(body.body()).contains("SWITCHBOARD_MAX_ANONYMOUS_BODIES");
      assertThat(call.status()).as(call.body()).isEqualTo(200);
      assertThat(call.body()).contains("too many tool calls in flight", "SWITCHBOARD_MAX_CALLS_PER_USER",
          "\"isError\":true");

      assertThat(load.release()).as("held calls answered once the upstream let go").isEqualTo(FULL.calls());
    }
  }
}
