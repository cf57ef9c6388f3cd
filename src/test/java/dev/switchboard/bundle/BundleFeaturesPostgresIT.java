package dev.switchboard.bundle;

import dev.switchboard.store.Dialect;
import dev.switchboard.testing.TestDatabases;
import java.nio.file.Path;

/** {@link BundleFeaturesIT} on a real PostgreSQL (embedded). */
class BundleFeaturesPostgresIT extends BundleFeaturesIT {
  @Override
  Db database(Path dir) {
    return new Db(TestDatabases.newPostgresUrl(), "postgres", Dialect.POSTGRESQL);
  }
}
