package dev.switchboard.sql.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.switchboard.sql.SqlLimits;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One small pool per credential, keyed by the credential id and the fingerprint of its settings.
 * A call on a credential without a matching pool connects directly (through the outbound guard,
 * within the call's budget); that proves the settings, and only then is a pool made for the
 * calls that follow. A pool whose settings no longer match, that {@link #forget forgotten}, or that
 * was unused for the idle timeout is closed (once no call uses it). Thread safe.
 */
public final class Pools implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Pools.class);
  private final Connector connector;
  private final SqlLimits limits;
  private final Clock clock;
  private final ScheduledThreadPoolExecutor housekeeping;
  private final PoolFactory factory;
  private final Map<String, PoolEntry> pools = new HashMap<>();

  public Pools(Connector connector, Dialect dialect, SqlLimits limits, Clock clock) {
    this.connector = connector;
    this.limits = limits;
    this.clock = clock;
    this.housekeeping = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, dialect.scheme().scheme() + "-pools");
      thread.setDaemon(true);
      return thread;
    });
    housekeeping.setRemoveOnCancelPolicy(true);
    this.factory = new PoolFactory(dialect, limits, housekeeping);
    long period = Math.min(15, Math.max(1, limits.idleTimeout().toSeconds() / 4));
    housekeeping.scheduleWithFixedDelay(this::closeIdleQuietly, period, period, TimeUnit.SECONDS);
  }

  /**
   * A connection for one call. Without a credential id (nothing to key a pool by) the connection is
   * always direct.
   *
   * @throws dev.switchboard.upstream.OutboundBlockedException when the guard refuses the host
   * @throws SQLException when connecting fails
   */
  public Lease lease(String credentialId, ConnectionTarget target, CallBudget budget) throws SQLException {
    String fingerprint = target.fingerprint();
    PoolEntry entry = credentialId == null || credentialId.isEmpty() ? null : acquire(credentialId, fingerprint);
    if (entry != null) {
      try {
        Connection pooled = entry.dataSource.getConnection();
        return new Lease(pooled, () -> release(entry));
      } catch (SQLException | RuntimeException e) {
        release(entry);
        discard(credentialId, entry);
        throw e;
      }
    }
    InetAddress address = connector.approve(target);
    Connection direct = connector.open(target, address, budget.connectTimeout(limits.connectTimeout()));
    if (credentialId != null && !credentialId.isEmpty()) {
      try {
        install(credentialId, fingerprint, target, address);
      } catch (RuntimeException e) {
        direct.close();
        throw e;
      }
    }
    return new Lease(direct, () -> {});
  }

  /** Closes the credential's pool, if any (at once; calls still running on it fail). */
  public void forget(String credentialId) {
    PoolEntry entry;
    synchronized (this) {
      entry = pools.remove(credentialId);
    }
    if (entry != null) {
      entry.dataSource.close();
    }
  }

  /** Closes the pools nobody used for the idle timeout; also runs every few seconds on its own. */
  public void closeIdle() {
    List<HikariDataSource> idle = new ArrayList<>();
    synchronized (this) {
      for (Iterator<PoolEntry> it = pools.values().iterator(); it.hasNext(); ) {
        PoolEntry entry = it.next();
        Duration unused = Duration.between(entry.lastUsed, clock.instant());
        if (entry.inUse == 0 && unused.compareTo(limits.idleTimeout()) >= 0) {
          it.remove();
          idle.add(entry.dataSource);
        }
      }
    }
    idle.forEach(HikariDataSource::close);
  }

  // A scheduled task that throws is never run again; keep the sweep alive.
  private void closeIdleQuietly() {
    try {
      closeIdle();
    } catch (RuntimeException e) {
      LOG.warn("closing idle PostgreSQL pools failed; trying again later", e);
    }
  }

  /** How many credentials have an open pool. */
  public synchronized int size() {
    return pools.size();
  }

  @Override
  public void close() {
    List<PoolEntry> all;
    synchronized (this) {
      all = new ArrayList<>(pools.values());
      pools.clear();
    }
    housekeeping.shutdownNow();
    all.forEach(entry -> entry.dataSource.close());
  }

  private PoolEntry acquire(String credentialId, String fingerprint) {
    PoolEntry stale;
    synchronized (this) {
      PoolEntry entry = pools.get(credentialId);
      if (entry == null) {
        return null;
      }
      if (entry.fingerprint.equals(fingerprint)) {
        entry.inUse++;
        entry.lastUsed = clock.instant();
        return entry;
      }
      pools.remove(credentialId);
      stale = entry;
    }
    retire(stale);
    return null;
  }

  private void release(PoolEntry entry) {
    boolean close;
    synchronized (this) {
      entry.inUse--;
      entry.lastUsed = clock.instant();
      close = entry.retired && entry.inUse == 0;
    }
    if (close) {
      entry.dataSource.close();
    }
  }

  private void discard(String credentialId, PoolEntry entry) {
    synchronized (this) {
      if (pools.get(credentialId) == entry) {
        pools.remove(credentialId);
      }
    }
    retire(entry);
  }

  private void retire(PoolEntry entry) {
    boolean close;
    synchronized (this) {
      entry.retired = true;
      close = entry.inUse == 0;
    }
    if (close) {
      entry.dataSource.close();
    }
  }

  private void install(String credentialId, String fingerprint, ConnectionTarget target, InetAddress address) {
    PoolEntry fresh = new PoolEntry(fingerprint, factory.create(credentialId, target, address), clock.instant());
    PoolEntry replaced;
    synchronized (this) {
      replaced = pools.get(credentialId);
      if (replaced != null && replaced.fingerprint.equals(fingerprint)) {
        replaced = fresh; // another call made the same pool first; drop ours
      } else {
        pools.put(credentialId, fresh);
      }
    }
    if (replaced != null) {
      retire(replaced);
    }
  }
}
