package dev.switchboard.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows written after the request that made them, many in one transaction and one batch: the
 * record of each tool call must not cost the call a database commit. A background thread writes
 * what is queued every {@code period}; {@link #flush} writes it at once (readers of those rows call
 * it first, so a caller always reads what it just did); when the queue is full the caller writes
 * its row itself. On {@link #close} everything queued is written. A crash loses at most one period
 * of records. A failed batch is logged (its size and the error's class) and dropped: records never
 * fail a call. Thread safe.
 */
public final class WriteBehind<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);
  private final Jdbi jdbi;
  private final BiConsumer<Handle, List<T>> writer;
  private final BlockingQueue<T> queue;
  private final ScheduledExecutorService thread;

  /** Writes queued rows with {@code writer} every {@code period}; at most {@code capacity} wait. */
  public WriteBehind(Jdbi jdbi, BiConsumer<Handle, List<T>> writer, Duration period, int capacity) {
    this.jdbi = jdbi;
    this.writer = writer;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "switchboard-write-behind");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::flush, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Queues one row; writes it now, on the caller's thread, when the queue is full. */
  public void submit(T row) {
    if (!queue.offer(row)) {
      write(List.of(row));
    }
  }

  /** Writes everything queued so far, in one transaction. */
  public synchronized void flush() {
    List<T> batch = new ArrayList<>();
    queue.drainTo(batch);
    if (!batch.isEmpty()) {
      write(batch);
    }
  }

  private void write(List<T> batch) {
    try {
      jdbi.useTransaction(h -> writer.accept(h, batch));
    } catch (RuntimeException e) {
      LOG.warn("could not write {} queued record(s): {}", batch.size(), e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }
}
