package dev.switchboard.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A cancellation interrupts a running call and nothing else: one that arrives after the call
 * finished must not interrupt whatever the thread serves next (the old code did).
 */
class InFlightCallTest {

  @Test
  void cancellingARunningCallInterruptsItsThreadAndMarksItCancelled() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    boolean[] interrupted = new boolean[1];
    InFlightCall[] call = new InFlightCall[1];
    Thread worker = new Thread(() -> {
      call[0] = new InFlightCall(Thread.currentThread());
      started.countDown();
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        interrupted[0] = true;
      }
      call[0].finish();
    });
    worker.start();
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    call[0].cancel();
    worker.join(5_000);
    assertThat(interrupted[0]).isTrue();
    assertThat(call[0].cancelled()).isTrue();
  }

  @Test
  void aCancellationAfterTheCallFinishedLeavesTheThreadAlone() {
    InFlightCall call = new InFlightCall(Thread.currentThread());
    call.finish();
    call.cancel();
    assertThat(Thread.interrupted()).isFalse();
    assertThat(call.cancelled()).isFalse();
  }

  @Test
  void finishingClearsAnInterruptTheCancellationLeftPending() {
    InFlightCall call = new InFlightCall(Thread.currentThread());
    call.cancel();
    call.finish();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(call.cancelled()).isTrue();
  }
}
