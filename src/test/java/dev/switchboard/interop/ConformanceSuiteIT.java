package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The MCP conformance suite's server scenarios ({@code @modelcontextprotocol/conformance}, all
 * suites) against a bundle and the hub, through {@link AuthProxy} since the suite cannot send a
 * token. Passes when every failing scenario is in {@code src/test/node/conformance-expected-failures.yml}
 * and every listed one still fails; the scenarios a gateway must pass are checked here again, so
 * listing one of them does not hide a bug. See {@code docs/mcp-conformance.md}.
 */
class ConformanceSuiteIT {
  static final Path EXPECTED_FAILURES = Path.of("src/test/node/conformance-expected-failures.yml");
  /** The scenarios that apply to any MCP server offering tools over Streamable HTTP. */
  static final List<String> MUST_PASS = List.of("server-initialize", "ping", "tools-list",
      "dns-rebinding-protection", "server-sse-multiple-streams", "server-sse-polling");
  @TempDir
  static Path dir;
  static CalculatorBundle bundle;
  static AuthProxy proxy;

  @BeforeAll
  static void start() {
    if (NodePeers.installed()) {
      bundle = CalculatorBundle.start(dir);
      proxy = AuthProxy.start(bundle.server().url(""), bundle.token());
    }
  }

  @BeforeEach
  void requirePeers() {
    NodePeers.require();
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (bundle != null) {
      bundle.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/mcp/bundle/" + CalculatorBundle.SLUG, "/mcp/hub"})
  void onlyScenariosThatCannotApplyToAGatewayFail(String path) {
    Path results = dir.resolve("conformance" + path.replace('/', '-'));
    NodeProcess.Result run = NodeProcess.run(
        NodePeers.module("@modelcontextprotocol/conformance", "dist/index.js"),
        List.of("server", "--url", proxy.url(path), "--suite", "all",
            "--expected-failures", EXPECTED_FAILURES.toAbsolutePath().toString(),
            "--output-dir", results.toString()),
        Map.of(), Duration.ofMinutes(3));
    Map<String, String> outcomes = outcomes(results);
    System.out.println("MCP conformance, " + path + ":");
    outcomes.forEach((scenario, outcome) -> System.out.println("  " + scenario + ": "
        + (outcome.length() > 120 ? outcome.substring(0, 117) + "..." : outcome)));

    assertThat(outcomes).as(run.toString()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(MUST_PASS).allSatisfy(scenario ->
        assertThat(outcomes.get(scenario)).as(scenario).isEqualTo("PASS"));
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  /** Scenario name to PASS, or FAIL with the failing checks and their messages. */
  private static Map<String, String> outcomes(Path results) {
    Map<String, String> outcomes = new TreeMap<>();
    try (Stream<Path> runs = Files.list(results)) {
      for (Path run : runs.sorted(Comparator.naturalOrder()).toList()) {
        // folders are named server-SCENARIO-TIMESTAMP
        String scenario = run.getFileName().toString().replaceFirst("^server-", "")
            .replaceFirst("-\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z$", "");
        JsonNode checks = Api.JSON.readTree(Files.readString(run.resolve("checks.json")));
        StringBuilder failures = new StringBuilder();
        checks.forEach(check -> {
          String status = check.path("status").asString();
          if (status.equals("FAILURE") || status.equals("WARNING")) {
            failures.append(" [").append(check.path("id").asString()).append(' ').append(status)
                .append(": ").append(check.path("errorMessage").asString("")).append(']');
          }
        });
        outcomes.put(scenario, failures.isEmpty() ? "PASS" : "FAIL" + failures);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return outcomes;
  }
}
