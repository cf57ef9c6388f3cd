package dev.switchboard.postgres.internal;

import dev.switchboard.postgres.PostgresLimits;
import java.util.List;
import java.util.Optional;

/** The PostgreSQL tools in the order they are listed. Immutable. */
public final class Operations {
  private final List<Operation> all;

  public Operations(PostgresLimits limits) {
    this.all = List.of(new ListSchemas(limits.rowLimit()), new ListTables(limits.rowLimit()),
        new DescribeTable(), new RunQuery(limits), new Explain());
  }

  public List<Operation> all() {
    return all;
  }

  public Optional<Operation> find(String name) {
    return all.stream().filter(operation -> operation.name().equals(name)).findFirst();
  }
}
