package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code switchboard} command line, run in-process against a real database. */
class CommandLineIT {
  @TempDir
  Path dir;

  private Map<String, String> env() {
    return TestServer.environment(dir, Map.of());
  }

  @Test
  void everyCommandHasHelp() {
    List<List<String>> commands = List.of(List.of(), List.of("serve"), List.of("user"),
        List.of("user", "create"), List.of("user", "list"), List.of("user", "reset-password"),
        List.of("user", "disable"), List.of("user", "enable"), List.of("user", "delete"), List.of("token"), List.of("token", "create"), List.of("token", "list"),
        List.of("token", "revoke"), List.of("vault"), List.of("vault", "generate-key"),
        List.of("vault", "status"), List.of("vault", "check"), List.of("vault", "rotate"),
        List.of("vault", "retire"), List.of("provider"), List.of("provider", "list"));
    for (List<String> command : commands) {
      String[] args = Stream.concat(command.stream(), Stream.of("--help"))
          .toArray(String[]::new);
      Cli.Result help = Cli.run(env(), args);
      assertThat(help.exitCode()).as(command.toString()).isZero();
      assertThat(help.out()).as(command.toString()).contains("Usage:");
    }
  }

  @Test
  void usersAndTokensAreManagedFromTheCommandLine() {
    try (TestServer server = TestServer.sqlite(dir)) {
      Map<String, String> env = server.env();
      Cli.Result created = Cli.run(env, "user", "create", "--email", "Eve@Example.com",
          "--password", "eve-password-1", "--admin");
      assertThat(created.exitCode()).as(created.err()).isZero();
      assertThat(Cli.run(env, "user", "create", "--email", "eve@example.com", "--password",
          "eve-password-1").err()).contains("exists");
      assertThat(Cli.run(env, "user", "create", "--email", "short@example.com", "--password", "short")
          .err()).contains("at least 10 characters");
      assertThat(Cli.run(env, "user", "list").out()).contains("eve@example.com  admin")
          .contains(TestServer.ADMIN_EMAIL);

      Cli.Result token = Cli.run(env, "token", "create", "--email", "eve@example.com", "--name", "claude");
      assertThat(token.exitCode()).isZero();
      String secret = token.lastLine();
      assertThat(secret).startsWith("sb_pat_").hasSize(47);
      Cli.Result list = Cli.run(env, "token", "list", "--email", "eve@example.com");
      assertThat(list.out()).contains("claude").doesNotContain(secret);
      String id = list.out().trim().split("\\s+")[0];
      assertThat(Cli.run(env, "token", "revoke", "--email", "eve@example.com", "--id", id).exitCode()).isZero();
      assertThat(Cli.run(env, "token", "list", "--email", "eve@example.com").out()).contains("revoked");

      Cli.Result reset = Cli.run(env, "user", "reset-password", "--email", "eve@example.com");
      assertThat(reset.exitCode()).isZero();
      assertThat(reset.lastLine()).startsWith("one-time password");
    }
  }

  @Test
  void vaultAndProviderCommandsReport() {
    Cli.Result key = Cli.run(env(), "vault", "generate-key", "--id", "spare");
    assertThat(key.lastLine()).matches("spare:[A-Za-z0-9_-]{43}=");
    try (TestServer server = TestServer.sqlite(dir)) {
      Cli.Result status = Cli.run(server.env(), "vault", "status");
      assertThat(status.exitCode()).isZero();
      assertThat(status.out()).contains("(primary)");
      assertThat(status.out()).doesNotContain(Files.exists(dir.resolve("keys/vault.keys")) ? "MISSING" : "x");
    }
    Cli.Result providers = Cli.run(env(), "provider", "list");
    assertThat(providers.exitCode()).isZero();
    assertThat(providers.out().lines().count()).isGreaterThanOrEqualTo(12);
    assertThat(providers.out()).contains("jira-cloud").contains("calculator").contains("postgresql");
  }

  @Test
  void unknownSettingsAndMissingKeysAreRefusedWithClearMessages() throws Exception {
    Map<String, String> typo = new HashMap<>(env());
    typo.put("SWITCHBOARD_PROT", "9000");
    Cli.Result refused = Cli.run(typo, "user", "list");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("unknown setting SWITCHBOARD_PROT");

    try (TestServer server = TestServer.sqlite(dir)) {
      String token = Cli.userWithToken(server.env(), "keys@example.com");
      new Api(server, token).post("/api/v1/credentials", Map.of(
          "provider", "openai", "authMethod", "API_KEY", "fields", Map.of("api_key", "sk-keys-00000000000")));
    }
    Files.delete(dir.resolve("keys/vault.keys"));
    Map<String, String> otherKey = new HashMap<>(env());
    otherKey.put("SWITCHBOARD_VAULT_KEYS", Cli.run(env(), "vault", "generate-key", "--id", "other").lastLine());
    assertThatThrownBy(() -> TestServer.start(dir, otherKey).close())
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("not configured")
        .hasMessageContaining("SWITCHBOARD_VAULT_KEYS");
  }
}
