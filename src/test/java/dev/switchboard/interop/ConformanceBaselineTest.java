package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite's expected failures and differences are few, explained, and never a
 * scenario that applies to every gateway.
 */
class ConformanceBaselineTest {
  static List<String> expectedFailures(Path file) throws IOException {
    return ConformanceSuiteIT.listed(file, "server").keySet().stream().toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"src/test/node/conformance-expected-failures.yml",
      "src/test/node/conformance-expected-failures-hub.yml"})
  void noScenarioThatAppliesToAGatewayIsExpectedToFail(String file) throws IOException {
    assertThat(expectedFailures(Path.of(file))).isNotEmpty().doesNotContainAnyElementsOf(ConformanceSuiteIT.MUST_PASS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"src/test/node/conformance-expected-failures.yml",
      "src/test/node/conformance-expected-failures-hub.yml"})
  void everyExpectedFailureIsExplainedInTheDocs(String file) throws IOException {
    String docs = Files.readString(Path.of("docs/mcp-conformance.md"));
    int column = file.contains("-hub") ? 3 : 2;

    assertThat(expectedFailures(Path.of(file))).allSatisfy(scenario ->
        assertThat(docs).as(scenario).containsPattern("\\| `" + scenario + "` (\\|[^|\\n]*){" + (column - 1)
            + "}\\| expected failure \\|"));
  }

  @Test
  void everyDifferenceGivesItsReason() throws IOException {
    Map<String, String> differences = ConformanceSuiteIT.listed(ConformanceSuiteIT.DIFFERENCES, "differences");

    assertThat(differences).doesNotContainKeys(ConformanceSuiteIT.MUST_PASS.stream()
        .filter(s -> !s.equals("server-sse-polling")).toArray(String[]::new));
    assertThat(differences.values()).allSatisfy(reason -> assertThat(reason).hasSizeGreaterThan(20));
  }
}
