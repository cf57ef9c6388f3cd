package dev.switchboard.app;

import dev.switchboard.error.SwitchboardException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/** What every command gets: the environment to read settings from and where to print. */
record CliEnvironment(Map<String, String> env, PrintStream out, PrintStream err) {
  Settings settings() {
    return SettingsLoader.load(env);
  }

  /** Opens the composition root without creating a key file. */
  Switchboard open() {
    return Switchboard.open(settings(), Clock.systemUTC(), false);
  }

  /** A one-line description of a failure for a person; never a stack trace. */
  static String describe(Throwable e) {
    if (e instanceof SwitchboardException
        || e instanceof StartupException
        || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
