package dev.switchboard.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

/**
 * The official MCP Python SDK in the virtual environment {@code scripts/fetch-test-fixtures.sh}
 * makes ({@code target/python}), and the scripts in {@code src/test/python} that drive its client.
 * Without it tests are skipped, or fail when {@code CI=true}.
 */
public final class PythonSdk {
  static final Path VENV = Path.of("target/python");
  static final Path SCRIPTS = Path.of("src/test/python");

  private PythonSdk() {}

  public static boolean installed() {
    return Files.isRegularFile(VENV.resolve("installed.txt")) && Files.isExecutable(VENV.resolve("bin/python"));
  }

  /** Skips the calling test when the SDK is missing, or fails it when {@code CI=true}. */
  public static void require() {
    if (!installed()) {
      String message = "the MCP Python SDK in " + VENV + " is missing: run scripts/fetch-test-fixtures.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
  }

  /**
   * Runs {@code src/test/python/SCRIPT args…} with {@code env} added, killed after {@code timeout};
   * returns what it printed, parsed as JSON, and fails the test with both streams otherwise.
   */
  public static JsonNode run(String script, List<String> args, Map<String, String> env, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(VENV.resolve("bin/python").toAbsolutePath().toString());
    command.add(SCRIPTS.resolve(script).toAbsolutePath().toString());
    command.addAll(args);
    Path out = null;
    Path err = null;
    Process process = null;
    try {
      out = Files.createTempFile("python-out", ".txt");
      err = Files.createTempFile("python-err", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(env);
      process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(script + " did not finish within " + timeout + "\n" + Files.readString(err));
      }
      String stdout = Files.readString(out);
      if (process.exitValue() != 0) {
        throw new AssertionError(script + " exited " + process.exitValue() + "\n--- stdout\n" + stdout
            + "\n--- stderr\n" + Files.readString(err));
      }
      return Api.JSON.readTree(stdout);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (process != null) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      delete(out);
      delete(err);
    }
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file
      }
    }
  }
}
