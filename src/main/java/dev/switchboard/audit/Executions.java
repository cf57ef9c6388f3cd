package dev.switchboard.audit;

import dev.switchboard.audit.internal.ExecutionRows;
import dev.switchboard.store.Ids;
import dev.switchboard.store.Cursor;
import dev.switchboard.store.Page;
import dev.switchboard.store.WriteBehind;
import java.util.List;
import java.util.Optional;

/**
 * The record of executions (DESIGN.md §2, last step of a tool call). Records are written behind
 * the call, many in one transaction ({@link WriteBehind}); reading them writes what is queued
 * first. Recording never fails the call it records: a database error is logged and the call's
 * result stands. Thread safe.
 */
public final class Executions {
  private static final int MAX_PAGE = 200;
  private final ExecutionRows rows;
  private final WriteBehind<Execution> writes;

  public Executions(ExecutionRows rows, WriteBehind<Execution> writes) {
    this.rows = rows;
    this.writes = writes;
  }

  /** Records one execution; fills in the id. */
  public void record(Execution execution) {
    Execution withId = new Execution(Ids.ordered("exe", execution.startedAt().toEpochMilli()), execution.userId(), execution.kind(),
        execution.provider(), execution.tool(), execution.credentialId(), execution.bundle(),
        execution.outcome(), execution.upstreamStatus(), execution.durationMillis(),
        execution.startedAt());
    writes.submit(withId);
  }

  /** The caller's executions, newest first. */
  public Page<Execution> list(String userId, ExecutionFilter filter, Optional<String> cursor, int limit) {
    Page.checkLimit(limit, MAX_PAGE);
    Optional<Cursor> after = cursor.map(Cursor::decode);
    writes.flush();
    List<Execution> found = rows.list(userId, filter, after, limit + 1);
    return Page.of(found, limit, e -> new Cursor(e.startedAt().toEpochMilli(), e.id()));
  }

}
