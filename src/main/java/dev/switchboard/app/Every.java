package dev.switchboard.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A background task run at a fixed delay on its own daemon thread; a failure is logged, not fatal. */
final class Every implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Every.class);
  private final ScheduledExecutorService timer;

  private Every(String name, Duration delay, Runnable task) {
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("{} failed: {}", name, e.getMessage());
      }
    }, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  static Every start(String name, Duration delay, Runnable task) {
    return new Every(name, delay, task);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
