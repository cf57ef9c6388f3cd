package dev.switchboard.vault.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@code python3 -c script} without a shell, feeding stdin, with a timeout. Test helper. */
final class PythonProcess {

  private static final long TIMEOUT_SECONDS = 30;

  record Result(int exitCode, String stdout, String stderr) {}

  private PythonProcess() {}

  /** Runs the script; throws IOException if python3 cannot be started at all. */
  static Result run(String script, String stdin) throws IOException, InterruptedException {
    Path out = Files.createTempFile("python-out", ".txt");
    Path err = Files.createTempFile("python-err", ".txt");
    try {
      Process process =
          new ProcessBuilder("python3", "-c", script)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      } catch (IOException brokenPipe) {
        // python3 exited before reading everything; its exit code and stderr say why
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("python3 did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
