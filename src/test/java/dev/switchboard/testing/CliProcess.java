package dev.switchboard.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@code switchboard} command line in a process of its own ({@code java -cp <test class path>
 * dev.switchboard.app.Main}), so that tests can run two at once against one database and key file,
 * or kill one with SIGKILL at a chosen point.
 */
public final class CliProcess {
  private final Process process;
  private final List<String> out = new ArrayList<>();
  private final StringBuilder err = new StringBuilder();

  private CliProcess(Process process) {
    this.process = process;
    pump(process.getInputStream(), line -> {
      synchronized (out) {
        out.add(line);
        out.notifyAll();
      }
    }, "cli-out");
    pump(process.getErrorStream(), line -> {
      synchronized (err) {
        err.append(line).append('\n');
      }
    }, "cli-err");
  }

  /** Starts {@code args} with only {@code env}'s settings and the given system properties. */
  public static CliProcess start(Map<String, String> env, Map<String, String> properties, String... args) {
    List<String> options = new ArrayList<>();
    properties.forEach((k, v) -> options.add("-D" + k + "=" + v));
    return withJvmOptions(env, options, args);
  }

  /** Starts {@code args} with only {@code env}'s settings and the given JVM options (such as {@code -Xlog:…}). */
  public static CliProcess withJvmOptions(Map<String, String> env, List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.addAll(jvmOptions);
    command.add("-cp");
    String classPath = System.getProperty("surefire.test.class.path");
    command.add(classPath != null && !classPath.isBlank() ? classPath : System.getProperty("java.class.path"));
    command.add("dev.switchboard.app.Main");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("SWITCHBOARD_"));
    builder.environment().putAll(env);
    try {
      return new CliProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until a line of standard output contains {@code text}; false if the process ended first. */
  public boolean awaitLine(String text, Duration timeout) throws InterruptedException {
    Instant until = Instant.now().plus(timeout);
    synchronized (out) {
      while (true) {
        if (out.stream().anyMatch(l -> l.contains(text))) {
          return true;
        }
        if (!process.isAlive() || Instant.now().isAfter(until)) {
          return out.stream().anyMatch(l -> l.contains(text));
        }
        out.wait(200);
      }
    }
  }

  /** Lets a command paused at a checkpoint go on. */
  public void resume() throws IOException {
    OutputStream in = process.getOutputStream();
    in.write('\n');
    in.flush();
  }

  /** SIGKILL ({@code kill -9}): no shutdown hook, no finally block runs. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** The exit code, waiting up to {@code timeout}; kills the process and fails when it is exceeded. */
  public int exitCode(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new AssertionError("the command did not end within " + timeout + "\nout: " + out() + "\nerr: " + err());
    }
    return process.exitValue();
  }

  public String out() {
    synchronized (out) {
      return String.join("\n", out);
    }
  }

  public String err() {
    synchronized (err) {
      return err.toString();
    }
  }

  private static void pump(InputStream stream, Consumer<String> sink, String name) {
    Thread t = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          sink.accept(line);
        }
      } catch (IOException ignored) {
        // the process is gone
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }
}
