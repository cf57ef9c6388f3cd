package dev.switchboard.interop;

import dev.switchboard.testing.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Runs a Node 22 program as a subprocess, without a shell, with extra environment variables and a
 * deadline. The process and everything it started are killed when it returns, on every path.
 */
final class NodeProcess {
  /** Exit code and printed text of one run. */
  record Result(int exitCode, String stdout, String stderr) {
    /** Standard output parsed as one JSON value; fails the test, showing both streams, otherwise. */
    JsonNode json() {
      try {
        return Api.JSON.readTree(stdout);
      } catch (RuntimeException e) {
        throw new AssertionError("not JSON on stdout:\n" + this, e);
      }
    }

    /** Both streams, without terminal colour codes, for assertion messages. */
    @Override
    public String toString() {
      String text = "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
      return text.replaceAll("\u001B\\[[;\\d]*m", "");
    }
  }

  private NodeProcess() {}

  /** Runs {@code node program args…} with {@code env} added to this JVM's environment. */
  static Result run(Path program, List<String> args, Map<String, String> env, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(NodePeers.node().toAbsolutePath().toString());
    command.add(program.toAbsolutePath().toString());
    command.addAll(args);
    return exec(command, env, timeout);
  }

  /** Runs any {@code command} (for example the Python SDK's interpreter) the same way. */
  static Result exec(List<String> command, Map<String, String> env, Duration timeout) {
    Path program = Path.of(command.get(command.size() - 1));
    Path out = null;
    Path err = null;
    Process process = null;
    try {
      out = Files.createTempFile("node-out", ".txt");
      err = Files.createTempFile("node-err", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(out.toFile())
          .redirectError(err.toFile());
      builder.environment().put("NO_COLOR", "1");
      builder.environment().putAll(env);
      process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new AssertionError(program.getFileName() + " did not finish within " + timeout + "\n"
            + new Result(-1, Files.readString(out), Files.readString(err)));
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (process != null) {
        kill(process);
      }
      delete(out);
      delete(err);
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file; the OS cleans its folder
      }
    }
  }
}
