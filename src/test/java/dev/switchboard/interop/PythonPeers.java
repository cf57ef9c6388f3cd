package dev.switchboard.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The official MCP Python SDK in the virtual environment {@code target/python}, which
 * {@code scripts/fetch-test-fixtures.sh} creates, and the scripts in {@code src/test/python} that
 * drive it.
 */
final class PythonPeers {
  static final Path ROOT = Path.of("target/python");

  private PythonPeers() {}

  static boolean installed() {
    return Files.isRegularFile(ROOT.resolve("installed.txt")) && Files.isExecutable(python());
  }

  /** Skips the calling test without the SDK, or fails it when {@code CI=true}. */
  static void require() {
    if (!installed()) {
      String message = "the MCP Python SDK in " + ROOT + " is missing: run scripts/fetch-test-fixtures.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
  }

  static Path python() {
    return ROOT.resolve("bin/python");
  }

  static Path script(String name) {
    return Path.of("src/test/python").resolve(name);
  }
}
