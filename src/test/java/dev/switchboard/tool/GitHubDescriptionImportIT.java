package dev.switchboard.tool;

import static dev.switchboard.tool.TestDocuments.json;
import static dev.switchboard.tool.TestDocuments.recipe;
import static dev.switchboard.tool.TestDocuments.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A real, large API description: GitHub's (OpenAPI 3.0, ~1,200 operations), fetched by
 * {@code scripts/fetch-test-fixtures.sh}. Without it the tests are skipped, or fail when {@code CI=true}.
 * Prints the import time; does not assert on it.
 */
class GitHubDescriptionImportIT {
  private static final Path FIXTURE = Path.of("target/fixtures/octokit-openapi-23.0.2/api.github.com.json");
  private static ImportReport imported;

  /** Imports once for all tests; each test checks the fixture so that a skip names the script. */
  private static synchronized ImportReport report() throws IOException {
    Path fixture = fixture();
    if (imported != null) {
      return imported;
    }
    String text = Files.readString(fixture);
    long start = System.nanoTime();
    ImportReport report = OpenApiImport.importDocument("github", text);
    long millis = (System.nanoTime() - start) / 1_000_000;

    Map<SkipReason, Long> skipped = new TreeMap<>();
    report.skipped().forEach(s -> skipped.merge(s.reason(), 1L, Long::sum));
    System.out.printf("GitHub API description (%d MB): %d tools, skipped %s, imported in %d ms%n",
        text.length() / 1_000_000, report.tools().size(), skipped, millis);
    imported = report;
    return report;
  }

  @Test
  void importsMoreThanFiveHundredToolsWithDistinctValidNames() throws IOException {
    ImportReport report = report();

    assertThat(report.tools()).hasSizeGreaterThan(500);
    assertThat(report.tools()).extracting(Tool::name).doesNotHaveDuplicates()
        .allMatch(name -> name.matches("github_[A-Za-z0-9_-]{1,57}"));
    assertThat(report.serverUrl()).contains("https://api.github.com");
  }

  @Test
  void everyInputSchemaIsValidJsonSchema2020() throws IOException {
    assertThat(report().tools())
        .allSatisfy(t -> assertThat(MetaSchema.problems(t.inputSchema())).as(t.name()).isEmpty());
  }

  @Test
  void repositoryLookupHasItsPathArguments() throws IOException {
    Tool tool = tool(report(), "github_repos_get");

    assertThat(recipe(tool).method()).isEqualTo("GET");
    assertThat(recipe(tool).path()).isEqualTo("/repos/{owner}/{repo}");
    assertThat(tool.inputSchema().get("required")).isEqualTo(json("[\"owner\", \"repo\"]"));
  }

  private static Path fixture() {
    if (!Files.isRegularFile(FIXTURE)) {
      String message = FIXTURE + " is missing: run scripts/fetch-test-fixtures.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return FIXTURE;
  }
}
