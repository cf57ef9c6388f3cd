package dev.switchboard.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Named stages of a key rotation where a test can hold the command: with the system property
 * {@value #PROPERTY} naming stages (comma-separated), the command prints {@code paused at <stage>}
 * and waits for a line (or the end) on standard input, so the test can kill it there with
 * {@code kill -9} or let it go on. Without the property it does nothing. Stages, in order:
 * {@code locked}, {@code key-file-temp}, {@code key-written}, {@code rows}, {@code rows-done},
 * {@code done}.
 */
final class Checkpoints implements Consumer<String> {
  static final String PROPERTY = "switchboard.test.pauseAt";
  private final Set<String> pauseAt;
  private final PrintStream out;
  private final InputStream in;

  Checkpoints(String stages, PrintStream out, InputStream in) {
    this.pauseAt = stages == null ? Set.of()
        : Arrays.stream(stages.split(",")).map(String::strip).collect(Collectors.toUnmodifiableSet());
    this.out = out;
    this.in = in;
  }

  /** The checkpoints the system property asks for. */
  static Checkpoints fromSystemProperty(PrintStream out) {
    return new Checkpoints(System.getProperty(PROPERTY), out, System.in);
  }

  @Override
  public void accept(String stage) {
    if (!pauseAt.contains(stage)) {
      return;
    }
    out.println("paused at " + stage);
    out.flush();
    try {
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      // standard input is gone: go on
    }
  }
}
