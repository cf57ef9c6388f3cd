package dev.switchboard.sql.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;

/**
 * One credential's pool and its bookkeeping: the settings fingerprint it was made for, how many
 * calls use it, when it was last used, and whether it was retired (closed once unused). Guarded by
 * the lock of {@link Pools}.
 */
final class PoolEntry {
  final String fingerprint;
  final HikariDataSource dataSource;
  int inUse;
  Instant lastUsed;
  boolean retired;

  PoolEntry(String fingerprint, HikariDataSource dataSource, Instant created) {
    this.fingerprint = fingerprint;
    this.dataSource = dataSource;
    this.lastUsed = created;
  }
}
