package dev.switchboard.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Assumptions;

/**
 * The MCP clients from npm that {@code scripts/fetch-test-fixtures.sh} installs into
 * {@code target/npm}, and Node 22 to run them. Not thread-safe; tests call it from one thread.
 */
final class NodePeers {
  static final Path ROOT = Path.of("target/npm");
  private static final Path MODULES = ROOT.resolve("node_modules");
  private static final Path SCRIPTS = Path.of("src/test/node");

  private NodePeers() {}

  /** Whether the fetch script completed (it writes {@code installed.json} last). */
  static boolean installed() {
    return Files.isRegularFile(ROOT.resolve("installed.json")) && Files.isExecutable(node());
  }

  /**
   * Skips the calling test when the peers are not installed, and fails it instead when the
   * environment variable {@code CI} is {@code true}. Call it from each test ({@code @BeforeEach}):
   * a skip from {@code @BeforeAll} is reported as no test at all, without the message.
   */
  static void require() {
    if (!installed()) {
      String message = "the MCP clients in " + ROOT + " are missing: run scripts/fetch-test-fixtures.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
  }

  /** Node 22 from the npm package {@code node}. */
  static Path node() {
    return MODULES.resolve("node/bin/node");
  }

  /** The entry point of a package's command, relative to its folder in node_modules. */
  static Path module(String packageName, String file) {
    return MODULES.resolve(packageName).resolve(file);
  }

  /**
   * Copies {@code src/test/node/NAME} next to {@code target/npm/node_modules} and returns the copy:
   * Node resolves an ES module's bare imports from the folders above the importing file (NODE_PATH
   * does not apply to {@code import}), so the scripts must run from below {@code target/npm}.
   */
  static Path script(String name) {
    Path target = ROOT.resolve("interop").resolve(name);
    try {
      Files.createDirectories(target.getParent());
      Files.copy(SCRIPTS.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }
}
