package dev.switchboard.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a database's schema is already at the latest migration, found without Flyway (whose
 * start costs the command line a good part of a second): {@link #LATEST} against the last
 * successful row of Flyway's history.
 */
final class SchemaVersion {
  /**
   * The highest {@code V<n>__} migration of either dialect. Kept here rather than found by listing
   * the migration folders, which in the jar means reading all its entries (25 ms of every command);
   * {@code SchemaVersionTest} checks it against the files, so a new migration cannot forget it.
   */
  static final long LATEST = 17;
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__[^/]*\\.sql");

  private SchemaVersion() {}

  /** True when the schema is at the latest migration and no migration failed; false when unsure. */
  static boolean isCurrent(Connection connection) {
    try {
      return installed(connection).equals(Optional.of(LATEST));
    } catch (SQLException | RuntimeException e) {
      return false; // no history table yet: Flyway decides
    }
  }

  /** The highest migration version in the given class path folders (what {@link #LATEST} must be). */
  static Optional<Long> latest(List<String> folders) {
    List<Long> versions = new ArrayList<>();
    for (String folder : folders) {
      for (String name : names(folder)) {
        Matcher m = MIGRATION.matcher(name);
        if (m.matches()) {
          versions.add(Long.parseLong(m.group(1)));
        }
      }
    }
    return versions.isEmpty() ? Optional.empty() : Optional.of(Collections.max(versions));
  }

  private static Optional<Long> installed(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet failed = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success")) {
      if (failed.next() && failed.getLong(1) > 0) {
        return Optional.empty();
      }
    }
    long highest = -1;
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL")) {
      while (rows.next()) {
        highest = Math.max(highest, Long.parseLong(rows.getString(1).trim()));
      }
    }
    return highest < 0 ? Optional.empty() : Optional.of(highest);
  }

  /** File names directly in a class path folder, from a directory or a jar. */
  private static List<String> names(String folder) {
    List<String> names = new ArrayList<>();
    try {
      for (URL url : Collections.list(SchemaVersion.class.getClassLoader().getResources(folder))) {
        if (url.getProtocol().equals("file")) {
          String[] files = new File(url.toURI()).list();
          names.addAll(files == null ? List.of() : List.of(files));
        } else if (url.getProtocol().equals("jar")) {
          JarURLConnection connection = (JarURLConnection) url.openConnection();
          connection.setUseCaches(true);
          JarFile jar = connection.getJarFile();
          String prefix = folder + "/";
          jar.stream().map(e -> e.getName())
              .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0)
              .map(n -> Path.of(n).getFileName().toString())
              .forEach(names::add);
        } else {
          throw new IllegalStateException("cannot list " + url);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }
}
