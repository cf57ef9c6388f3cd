package dev.switchboard.audit;

import dev.switchboard.audit.internal.ExecutionRows;
import dev.switchboard.store.Ids;
import dev.switchboard.store.Cursor;
import dev.switchboard.store.Page;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of executions (DESIGN.md §2, last step of a tool call). Recording never fails the
 * call it records: a database error is logged and the call's result stands. Thread safe.
 */
public final class Executions {
  private static final Logger LOG = LoggerFactory.getLogger(Executions.class);
  private static final int MAX_PAGE = 200;
  private final ExecutionRows rows;

  public Executions(ExecutionRows rows) {
    this.rows = rows;
  }

  /** Records one execution; fills in the id. */
  public void record(Execution execution) {
    Execution withId = new Execution(Ids.next("exe"), execution.userId(), execution.kind(),
        execution.provider(), execution.tool(), execution.credentialId(), execution.bundle(),
        execution.outcome(), execution.upstreamStatus(), execution.durationMillis(),
        execution.startedAt());
    try {
      rows.insert(withId);
    } catch (RuntimeException e) {
      LOG.warn("could not record an execution of {}: {}", execution.tool(), e.getClass().getSimpleName());
    }
  }

  /** The caller's executions, newest first. */
  public Page<Execution> list(String userId, ExecutionFilter filter, Optional<String> cursor, int limit) {
    Page.checkLimit(limit, MAX_PAGE);
    Optional<Cursor> after = cursor.map(Cursor::decode);
    List<Execution> found = rows.list(userId, filter, after, limit + 1);
    return Page.of(found, limit, e -> new Cursor(e.startedAt().toEpochMilli(), e.id()));
  }

}
