package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command on a fresh folder: {@code ./switchboard serve} starts with embedded
 * defaults (SQLite under ./data, a generated key file under ./keys, a first admin whose one-time
 * password is printed) and serves. Runs the launcher script and the packaged jar as a real process.
 */
class FreshStartIT {
  @TempDir
  Path workDir;

  @Test
  void serveComesUpWithEmbeddedDefaultsAndPrintsTheAdminLogin() throws Exception {
    Path launcher = Path.of("switchboard").toAbsolutePath();
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "serve")
        .directory(workDir.toFile())
        .redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("SWITCHBOARD_"));
    builder.environment().put("SWITCHBOARD_PORT", Integer.toString(port));
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    String password = null;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      Instant until = Instant.now().plusSeconds(120);
      String line;
      while (password == null && Instant.now().isBefore(until) && (line = out.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("One-time password")) {
          password = line.substring(line.lastIndexOf(' ') + 1);
        }
      }
      assertThat(password).as(String.join("\n", lines)).isNotNull();
      assertThat(lines).anyMatch(l -> l.contains("Switchboard is listening on http://localhost:" + port));
      assertThat(lines).anyMatch(l -> l.contains("Created the first admin: admin@localhost"));
      assertThat(lines).anyMatch(l -> l.contains("Generated a vault key file"));

      assertThat(workDir.resolve("data/switchboard.db")).exists();
      Path keyFile = workDir.resolve("keys/vault.keys");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
          .isEqualTo("rwx------");

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + port;
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"email\":\"admin@localhost\",\"password\":\"" + password + "\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
      assertThat(signIn.body()).contains("\"mustChangePassword\":true");
    } finally {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void aCommandThroughTheLauncherTrainsTheCommandCacheOnceAndUsesItAfterwards() throws Exception {
    try (DirectoryStream<Path> caches = Files.newDirectoryStream(Path.of("target"), "switchboard-cli-*.aot")) {
      for (Path cache : caches) {
        Files.delete(cache);
      }
    }
    Launched first = launch("user", "create", "--email", "first@example.com", "--password", "first-password-1");
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output()).contains("Preparing the command line's start-up cache").contains("created user");
    try (DirectoryStream<Path> caches = Files.newDirectoryStream(Path.of("target"), "switchboard-cli-*.aot")) {
      assertThat(caches.iterator().hasNext()).as("a command cache was written").isTrue();
    }
    Launched second = launch("user", "list");
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output()).doesNotContain("Preparing").contains("first@example.com")
        .doesNotContain("WARNING");
  }

  private record Launched(int exitCode, String output) {}

  private Launched launch(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of("switchboard").toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(workDir, "launched", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("SWITCHBOARD_"));
    builder.environment().put("SWITCHBOARD_BCRYPT_COST", "4");
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError(String.join(" ", args) + " did not end in 120 s: " + Files.readString(output));
    }
    return new Launched(process.exitValue(), Files.readString(output));
  }
}
