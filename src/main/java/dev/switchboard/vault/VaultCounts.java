package dev.switchboard.vault;

import java.util.concurrent.atomic.LongAdder;

/**
 * How many vault operations ran since start, by operation and outcome: seals, opens, opens that
 * failed to decrypt, and payloads naming a key the keyring lacks. Read by the metrics; counts
 * only, never a key id, owner or plaintext. Thread safe.
 */
public final class VaultCounts {
  private final LongAdder sealed = new LongAdder();
  private final LongAdder opened = new LongAdder();
  private final LongAdder openFailed = new LongAdder();
  private final LongAdder keyMissing = new LongAdder();

  public long sealed() {
    return sealed.sum();
  }

  public long opened() {
    return opened.sum();
  }

  public long openFailed() {
    return openFailed.sum();
  }

  public long keyMissing() {
    return keyMissing.sum();
  }

  void countSeal() {
    sealed.increment();
  }

  void countOpen(boolean ok) {
    (ok ? opened : openFailed).increment();
  }

  void countKeyMissing() {
    keyMissing.increment();
  }
}
