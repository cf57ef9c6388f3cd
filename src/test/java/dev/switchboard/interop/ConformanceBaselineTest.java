package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conformance suite's expected failures are few, explained, and never a scenario that applies. */
class ConformanceBaselineTest {
  static List<String> expectedFailures() throws IOException {
    return Files.readAllLines(ConformanceSuiteIT.EXPECTED_FAILURES).stream()
        .filter(line -> line.startsWith("  - "))
        .map(line -> line.substring(4).trim())
        .toList();
  }

  @Test
  void noScenarioThatAppliesToAGatewayIsExpectedToFail() throws IOException {
    assertThat(expectedFailures()).isNotEmpty().doesNotContainAnyElementsOf(ConformanceSuiteIT.MUST_PASS);
  }

  @Test
  void everyExpectedFailureIsExplainedInTheDocs() throws IOException {
    String docs = Files.readString(Path.of("docs/mcp-conformance.md"));

    assertThat(expectedFailures()).allSatisfy(scenario ->
        assertThat(docs).as(scenario).containsPattern("\\| `" + scenario + "` \\| expected failure \\| \\S"));
  }
}
