package dev.switchboard.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.switchboard.testing.Cli;
import dev.switchboard.testing.TestServer;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub's description as YAML (octokit's JSON written out as YAML here, about 10 MB) imports with the
 * default document limit, and a lower {@code SWITCHBOARD_MAX_DOCUMENT_BYTES} refuses it with a message
 * that names its size, the limit and the setting. Skipped without the fixture
 * ({@code scripts/fetch-test-fixtures.sh}), failed when {@code CI=true}.
 */
class LargeDocumentsIT {
  private static final Path GITHUB = Path.of("target/fixtures/octokit-openapi-23.0.2/api.github.com.json");
  @TempDir
  static Path dir;
  static Path yaml;

  @BeforeAll
  static void githubAsYaml() throws IOException {
    if (!Files.isRegularFile(GITHUB)) {
      String message = GITHUB + " is missing: run scripts/fetch-test-fixtures.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    yaml = dir.resolve("api.github.com.yaml");
    Files.writeString(yaml, Yaml.pretty(Json.mapper().readTree(GITHUB.toFile())));
  }

  @Test
  void githubsYamlDescriptionImportsWithTheDefaultLimit() throws IOException {
    assertThat(Files.size(yaml)).isGreaterThan(3L * 1024 * 1024);
    Map<String, String> env = environment(dir.resolve("default"), Map.of());

    Cli.Result result = Cli.run(env, "provider", "import", "--openapi", yaml.toString(), "--slug", "github-yaml");

    assertThat(result.exitCode()).as(result.err()).isZero();
    int tools = Integer.parseInt(result.out().replaceAll("(?s).*imported github-yaml: (\\d+) tool.*", "$1"));
    assertThat(tools).isGreaterThan(1000);
  }

  @Test
  void aDocumentOverTheLimitIsRefusedNamingItsSizeTheLimitAndTheSetting() throws IOException {
    Map<String, String> env = environment(dir.resolve("low"), Map.of("SWITCHBOARD_MAX_DOCUMENT_BYTES", "4194304"));

    Cli.Result result = Cli.run(env, "provider", "import", "--openapi", yaml.toString(), "--slug", "github-yaml");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("the document is " + Files.size(yaml) + " bytes, over the limit of 4194304 "
        + "bytes; SWITCHBOARD_MAX_DOCUMENT_BYTES sets it").doesNotContain("not an OpenAPI document");
    assertThat(Cli.run(env, "provider", "list").out()).doesNotContain("github-yaml");
  }

  private static Map<String, String> environment(Path home, Map<String, String> extra) throws IOException {
    Map<String, String> env = new HashMap<>(TestServer.environment(home, extra));
    Files.createDirectories(home.resolve("keys"));
    Files.writeString(home.resolve("keys/vault.keys"),
        Cli.run(env, "vault", "generate-key", "--id", "k1").lastLine());
    return env;
  }
}
