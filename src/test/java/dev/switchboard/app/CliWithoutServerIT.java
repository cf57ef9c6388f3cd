package dev.switchboard.app;

import static dev.switchboard.testing.ExplodingDocuments.BILLION_LAUGHS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Cli;
import dev.switchboard.testing.CliProcess;
import dev.switchboard.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account, token, vault and catalog commands work with no server running, each in a process of
 * its own, and open only what they need: no web server, no outbound HTTP client, no OpenAPI parser.
 * The one imported provider's stored document is a "billion laughs", so a command that parsed it
 * would stall or fail; its stored tools are what the catalog has.
 */
class CliWithoutServerIT {
  private static final Duration HANG_GUARD = Duration.ofMinutes(2);
  /** Classes that belong to serving, calling upstreams or parsing documents, never to these commands. */
  private static final List<String> NOT_LOADED = List.of("io.javalin.", "org.eclipse.jetty.", "io.swagger.",
      "dev.switchboard.web.", "dev.switchboard.mcp.", "dev.switchboard.tool.OpenApiImport",
      "dev.switchboard.upstream.OutboundHttp");

  @TempDir
  Path dir;

  private Map<String, String> env;

  @BeforeEach
  void aDatabaseWithAnImportedProviderWhoseDocumentCannotBeParsed() throws Exception {
    env = TestServer.environment(dir, Map.of());
    Files.createDirectories(dir.resolve("keys"));
    Files.writeString(dir.resolve("keys/vault.keys"), Cli.run(env, "vault", "generate-key", "--id", "k1").lastLine());
    Path tracker = dir.resolve("tracker.yaml");
    Files.writeString(tracker, resource("/openapi/tracker-30.yaml"));
    Cli.Result imported = Cli.run(env, "provider", "import", "--openapi", tracker.toString(), "--slug", "tracker",
        "--base-url", "https://tracker.example/api");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    try (Connection c = DriverManager.getConnection(env.get("SWITCHBOARD_DB_URL"));
        PreparedStatement s = c.prepareStatement("UPDATE custom_providers SET openapi = ? WHERE slug = 'tracker'")) {
      s.setString(1, BILLION_LAUGHS);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void accountTokenVaultAndCatalogCommandsWorkWithoutTheServerAndLoadNoServingOrParsingCode() throws Exception {
    assertThat(run("user", "create", "--email", "root@example.com", "--password", "root-password-1", "--admin"))
        .contains("created admin root@example.com");
    assertThat(run("user", "create", "--email", "eve@example.com", "--password", "eve-password-1"))
        .contains("created user eve@example.com");
    assertThat(run("user", "list")).contains("root@example.com  admin").contains("eve@example.com");
    String token = run("token", "create", "--email", "eve@example.com", "--name", "laptop");
    assertThat(token.lines().reduce((a, b) -> b).orElseThrow()).startsWith("sb_pat_");
    String tokens = run("token", "list", "--email", "eve@example.com");
    assertThat(tokens).contains("laptop");
    String id = tokens.trim().split("\\s+")[0];
    assertThat(run("token", "revoke", "--email", "eve@example.com", "--id", id)).contains("revoked " + id);
    assertThat(run("user", "reset-password", "--email", "eve@example.com")).contains("one-time password");
    assertThat(run("user", "disable", "--email", "eve@example.com")).contains("disabled eve@example.com");
    assertThat(run("user", "enable", "--email", "eve@example.com")).contains("enabled eve@example.com");
    assertThat(run("vault", "status")).contains("k1 (primary)");
    assertThat(run("vault", "check")).contains("0 cannot be decrypted");
    assertThat(run("provider", "list")).contains("tracker").contains("github");
    assertThat(run("provider", "status", "tracker", "INACTIVE")).contains("tracker is now INACTIVE");
    assertThat(run("provider", "list")).containsPattern("tracker .*INACTIVE");
  }

  @Test
  void importAndDeleteOpenOnlyTheProviderStoresAndDeleteParsesNoDocument() throws Exception {
    Path tracker = dir.resolve("second.yaml");
    Files.writeString(tracker, resource("/openapi/tracker-30.yaml"));
    // the import parses its one document, and nothing else: no server, no MCP, no Flyway (schema
    // current), no HTTP client made (verifying the MCP client's class loads four Jetty interfaces)
    assertThat(run(List.of("io.javalin.", "org.eclipse.jetty.server.", "org.eclipse.jetty.client.HttpClient ",
            "org.eclipse.jetty.util.thread.", "dev.switchboard.web.", "dev.switchboard.mcp.", "org.flywaydb."),
        "provider", "import", "--openapi", tracker.toString(), "--slug", "second", "--base-url",
        "https://second.example/api")).contains("imported second:");
    // a delete revokes credentials through the outbound client, started only when there are some
    // (tracker has none), and parses no document (tracker's stored one is a billion laughs)
    assertThat(run(List.of("io.javalin.", "org.eclipse.jetty.server.", "org.eclipse.jetty.client.HttpClient ",
        "org.eclipse.jetty.util.thread.", "dev.switchboard.web.", "dev.switchboard.mcp.", "io.swagger.",
        "dev.switchboard.tool.OpenApiImport"), "provider", "delete", "tracker"))
        .contains("deleted provider tracker");
    assertThat(run("provider", "list")).doesNotContain("tracker").contains("second");
  }

  @Test
  void aServerStartedAfterwardsHasTheStoredToolsWithoutParsingTheDocument() {
    try (TestServer server = TestServer.sqlite(dir)) {
      assertThat(server.running().app().tools.loadedProviders()).doesNotContain("tracker");
      assertThat(server.running().app().tools.ofProvider("tracker")).hasSizeGreaterThan(2);
      assertThat(server.running().app().providerAdmin.loadError("tracker")).isEmpty();
    }
  }

  /** Runs one command in a process of its own, logging which classes it loads; returns its output. */
  private String run(String... args) throws Exception {
    return run(NOT_LOADED, args);
  }

  /** Runs one command in a process of its own; none of the classes it loads starts with {@code notLoaded}. */
  private String run(List<String> notLoaded, String... args) throws Exception {
    Path classes = dir.resolve("classes-" + String.join("-", args).replaceAll("[^a-z-]", "") + ".log");
    CliProcess cli = CliProcess.withJvmOptions(env, List.of("-Xlog:class+load=info:file=" + classes), args);
    int exit = cli.exitCode(HANG_GUARD);
    assertThat(exit).as(String.join(" ", args) + ": " + cli.err()).isZero();
    String loaded = Files.readString(classes);
    for (String prefix : notLoaded) {
      assertThat(loaded).as(String.join(" ", args) + " loads " + prefix.trim()).doesNotContain(prefix);
    }
    return cli.out();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CliWithoutServerIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
