package dev.switchboard.audit.internal;

import dev.switchboard.audit.Execution;
import dev.switchboard.audit.ExecutionFilter;
import dev.switchboard.store.Cursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL of the {@code executions} table; every read names the user. */
public final class ExecutionRows {
  private static final RowMapper<Execution> MAPPER = (rs, ctx) -> new Execution(
      rs.getString("id"),
      rs.getString("user_id"),
      Execution.Kind.valueOf(rs.getString("kind")),
      rs.getString("provider"),
      rs.getString("tool"),
      Optional.ofNullable(rs.getString("credential_id")),
      Optional.ofNullable(rs.getString("bundle")),
      rs.getString("outcome"),
      Optional.ofNullable((Number) rs.getObject("upstream_status")).map(Number::intValue),
      rs.getLong("duration_ms"),
      Instant.ofEpochMilli(rs.getLong("started_at")));

  private final Jdbi jdbi;

  public ExecutionRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Inserts many rows as one JDBC batch. */
  public void insertAll(Handle h, List<Execution> executions) {
    PreparedBatch batch = h.prepareBatch("INSERT INTO executions (id, user_id, kind, provider, tool, "
        + "credential_id, bundle, outcome, upstream_status, duration_ms, started_at) VALUES "
        + "(:id, :user, :kind, :provider, :tool, :credential, :bundle, :outcome, :status, "
        + ":duration, :started)");
    for (Execution e : executions) {
      batch.bind("id", e.id()).bind("user", e.userId()).bind("kind", e.kind().name())
          .bind("provider", e.provider()).bind("tool", e.tool())
          .bind("credential", e.credentialId().orElse(null)).bind("bundle", e.bundle().orElse(null))
          .bind("outcome", e.outcome()).bind("status", e.upstreamStatus().orElse(null))
          .bind("duration", e.durationMillis()).bind("started", e.startedAt().toEpochMilli())
          .add();
    }
    batch.execute();
  }

  public List<Execution> list(String userId, ExecutionFilter filter, Optional<Cursor> after, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM executions WHERE user_id = :user");
    filter.provider().ifPresent(p -> sql.append(" AND provider = :provider"));
    filter.bundle().ifPresent(b -> sql.append(" AND bundle = :bundle"));
    filter.outcome().ifPresent(o -> sql.append(" AND outcome = :outcome"));
    filter.tool().ifPresent(t -> sql.append(" AND tool = :tool"));
    after.ifPresent(a -> sql.append(
        " AND (started_at < :afterAt OR (started_at = :afterAt AND id < :afterId))"));
    sql.append(" ORDER BY started_at DESC, id DESC LIMIT :limit");
    return jdbi.withHandle(h -> {
      var q = h.createQuery(sql.toString()).bind("user", userId).bind("limit", limit);
      filter.provider().ifPresent(p -> q.bind("provider", p));
      filter.bundle().ifPresent(b -> q.bind("bundle", b));
      filter.outcome().ifPresent(o -> q.bind("outcome", o));
      filter.tool().ifPresent(t -> q.bind("tool", t));
      after.ifPresent(a -> q.bind("afterAt", a.at()).bind("afterId", a.id()));
      return q.map(MAPPER).list();
    });
  }
}
