package dev.switchboard.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows written after the request that made them, many in one transaction: the record of each tool
 * call must not cost the call a database commit. A background thread writes what is queued every
 * {@code period}; {@link #flush} writes it at once (readers of those rows call it first, so a
 * caller always reads what it just did); when the queue is full the caller writes its row itself.
 * On {@link #close} everything queued is written. A crash loses at most one period of records.
 * A failed batch is logged (its size and the error's class) and dropped: records never fail a call.
 * Thread safe.
 */
public final class WriteBehind implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);
  private final Jdbi jdbi;
  private final BlockingQueue<Consumer<Handle>> queue;
  private final ScheduledExecutorService writer;

  public WriteBehind(Jdbi jdbi, Duration period, int capacity) {
    this.jdbi = jdbi;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "switchboard-write-behind");
      t.setDaemon(true);
      return t;
    });
    writer.scheduleWithFixedDelay(this::flush, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Queues one write; runs it now, on the caller's thread, when the queue is full. */
  public void submit(Consumer<Handle> write) {
    if (!queue.offer(write)) {
      write(List.of(write));
    }
  }

  /** Writes everything queued so far, in one transaction. */
  public synchronized void flush() {
    List<Consumer<Handle>> batch = new ArrayList<>();
    queue.drainTo(batch);
    if (!batch.isEmpty()) {
      write(batch);
    }
  }

  private void write(List<Consumer<Handle>> batch) {
    try {
      jdbi.useTransaction(h -> batch.forEach(w -> w.accept(h)));
    } catch (RuntimeException e) {
      LOG.warn("could not write {} queued record(s): {}", batch.size(), e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }
}
