package dev.switchboard.testing;

import dev.switchboard.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs the {@code switchboard} command line in-process with a given environment. */
public final class Cli {
  private Cli() {}

  /** Exit code and printed text of one command. */
  public record Result(int exitCode, String out, String err) {
    public String lastLine() {
      List<String> lines = out.lines().toList();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  public static Result run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Creates a user and an access token for them; returns the token. */
  public static String userWithToken(Map<String, String> env, String email) {
    Result created = run(env, "user", "create", "--email", email, "--password", "password-of-" + email);
    if (created.exitCode() != 0 && !created.err().contains("exists")) {
      throw new IllegalStateException("user create failed: " + created.err());
    }
    return token(env, email);
  }

  public static String token(Map<String, String> env, String email) {
    Result token = run(env, "token", "create", "--email", email, "--name", "test");
    if (token.exitCode() != 0) {
      throw new IllegalStateException("token create failed: " + token.err());
    }
    return token.lastLine();
  }
}
