package dev.switchboard.sql.internal;

import dev.switchboard.sql.SqlLimits;
import java.util.List;
import java.util.Optional;

/** The SQL tools in the order they are listed. Immutable. */
public final class Operations {
  private final List<Operation> all;

  public Operations(Dialect dialect, SqlLimits limits) {
    this.all = List.of(new ListSchemas(dialect, limits.rowLimit()), new ListTables(dialect, limits.rowLimit()),
        new DescribeTable(dialect), new RunQuery(dialect, limits), new Explain(dialect));
  }

  public List<Operation> all() {
    return all;
  }

  public Optional<Operation> find(String name) {
    return all.stream().filter(operation -> operation.name().equals(name)).findFirst();
  }
}
