package dev.switchboard.mcp;

/**
 * One running tools/call that {@code notifications/cancelled} may stop. Cancelling interrupts the
 * thread only while the call runs: {@link #finish} and {@link #cancel} exclude each other, and
 * finishing clears a pending interrupt, so no interrupt ever reaches the next request the thread
 * serves. Thread safe.
 */
final class InFlightCall {
  private final Thread thread;
  private boolean cancelled;
  private boolean finished;

  InFlightCall(Thread thread) {
    this.thread = thread;
  }

  synchronized void cancel() {
    if (!finished) {
      cancelled = true;
      thread.interrupt();
    }
  }

  synchronized boolean cancelled() {
    return cancelled;
  }

  /** Called by the running thread itself when the call is over. */
  synchronized void finish() {
    finished = true;
    Thread.interrupted();
  }
}
