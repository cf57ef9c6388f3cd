package dev.switchboard.app;

import dev.switchboard.vault.VaultKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the command line's AOT cache (JEP 483/514): the launcher runs this once after
 * each build, with {@code -XX:AOTCacheOutput}, so that every command — not only the first one a
 * user happened to run — finds its classes already loaded and linked. It runs each kind of command
 * in this one process against a throwaway database in a temporary directory (never the user's
 * settings or data), then deletes it. A command that fails only makes the cache smaller.
 */
public final class CacheTraining {
  private static final String SHIPPED_DOCUMENT = "/catalog/openapi/github.yaml";

  private CacheTraining() {}

  public static void main(String[] args) throws IOException {
    System.setProperty(CliLogging.PROPERTY, "true");
    Path dir = Files.createTempDirectory("switchboard-training");
    int failed;
    try {
      failed = train(dir);
    } finally {
      deleteTree(dir);
    }
    System.exit(failed == 0 ? 0 : 1);
  }

  /** Runs the commands; returns how many of them failed. */
  static int train(Path dir) throws IOException {
    Map<String, String> env = Map.of(
        "SWITCHBOARD_DATA_DIR", dir.resolve("data").toString(),
        "SWITCHBOARD_VAULT_KEY_FILE", dir.resolve("vault.keys").toString(),
        "SWITCHBOARD_BCRYPT_COST", "4");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("vault.keys"), VaultKey.generate("training").exportEntry() + "\n");
    Path document = dir.resolve("training.yaml");
    try (InputStream shipped = CacheTraining.class.getResourceAsStream(SHIPPED_DOCUMENT)) {
      Files.copy(shipped, document);
    }
    String admin = "training-admin@example.invalid";
    String email = "training@example.invalid";
    List<List<String>> commands = List.of(
        List.of("user", "create", "--email", admin, "--password", "training-password", "--admin"),
        List.of("user", "create", "--email", email, "--password", "training-password"),
        List.of("user", "list"),
        List.of("user", "reset-password", "--email", email),
        List.of("user", "disable", "--email", email),
        List.of("user", "enable", "--email", email),
        List.of("token", "create", "--email", email, "--name", "training"),
        List.of("token", "list", "--email", email),
        List.of("vault", "status"),
        List.of("vault", "check"),
        List.of("provider", "import", "--openapi", document.toString(), "--slug", "training",
            "--base-url", "https://training.example.invalid"),
        List.of("provider", "list"),
        List.of("provider", "status", "training", "INACTIVE"),
        List.of("provider", "delete", "training"));
    int failed = 0;
    for (List<String> command : commands) {
      if (Main.run(command.toArray(String[]::new), env, quiet, quiet) != 0) {
        System.err.println("training: '" + String.join(" ", command) + "' failed");
        failed++;
      }
    }
    return failed;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
