package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The MCP conformance suite's server scenarios ({@code @modelcontextprotocol/conformance}, all
 * suites) against the suite's fixture server ({@link ConformanceFixture}) directly, through a
 * bundle of it ({@link FixtureBundle}) and through the hub, the last two behind {@link AuthProxy}
 * since the suite cannot send a token (docs/mcp-conformance.md):
 *
 * <ul>
 *   <li>through the bundle, every scenario must end as it ends directly, except those in
 *       {@code src/test/node/conformance-differences.yml}, each with its reason — and a listed one
 *       that no longer differs fails the test too, so the list cannot go stale;
 *   <li>against the bundle and the hub, the suite passes with its {@code --expected-failures} list
 *       ({@code conformance-expected-failures.yml}, {@code conformance-expected-failures-hub.yml}):
 *       nothing else fails and every listed one still fails; the scenarios a gateway must pass are
 *       checked here again, so listing one of them does not hide a bug.
 * </ul>
 */
class ConformanceSuiteIT {
  static final Path EXPECTED_FAILURES = Path.of("src/test/node/conformance-expected-failures.yml");
  static final Path EXPECTED_FAILURES_HUB = Path.of("src/test/node/conformance-expected-failures-hub.yml");
  static final Path DIFFERENCES = Path.of("src/test/node/conformance-differences.yml");
  /** The scenarios that apply to any MCP server offering tools over Streamable HTTP. */
  static final List<String> MUST_PASS = List.of("server-initialize", "ping", "tools-list",
      "dns-rebinding-protection", "server-sse-multiple-streams", "server-sse-polling");
  @TempDir
  static Path dir;
  static ConformanceFixture fixture;
  static FixtureBundle bundle;
  static AuthProxy proxy;
  static final Map<String, Run> RUNS = new LinkedHashMap<>();

  record Run(NodeProcess.Result process, Map<String, String> outcomes) {}

  @BeforeAll
  static void start() {
    if (NodePeers.installed()) {
      fixture = ConformanceFixture.start();
      bundle = FixtureBundle.start(dir, fixture);
      proxy = AuthProxy.start(bundle.server().url(""), bundle.token());
    }
  }

  @BeforeEach
  void requirePeers() {
    NodePeers.require();
  }

  @AfterAll
  static void stop() {
    try {
      if (proxy != null) {
        proxy.close();
      }
      if (bundle != null) {
        bundle.close();
      }
    } finally {
      if (fixture != null) {
        fixture.close();
      }
    }
  }

  @Test
  void throughABundleEveryScenarioEndsAsItDoesDirectly() throws IOException {
    Map<String, String> direct = run("direct", fixture.url("/mcp"), null).outcomes();
    Map<String, String> through = run("bundle", proxy.url("/mcp/bundle/" + FixtureBundle.SLUG),
        EXPECTED_FAILURES).outcomes();

    TreeSet<String> differing = new TreeSet<>();
    for (String scenario : new TreeSet<>(direct.keySet())) {
      if (direct.get(scenario).equals("PASS") != "PASS".equals(through.get(scenario))) {
        differing.add(scenario);
      }
    }
    assertThat(direct).hasSizeGreaterThanOrEqualTo(30);
    assertThat(through.keySet()).isEqualTo(direct.keySet());
    assertThat(differing).as("scenarios that end differently through the bundle than directly")
        .containsExactlyInAnyOrderElementsOf(listed(DIFFERENCES, "differences").keySet());
  }

  @ParameterizedTest
  @CsvSource({"bundle, /mcp/bundle/" + FixtureBundle.SLUG + ", src/test/node/conformance-expected-failures.yml",
      "hub, /mcp/hub, src/test/node/conformance-expected-failures-hub.yml"})
  void onlyScenariosThatCannotApplyToAGatewayFail(String name, String path, String expectedFailures) {
    Run run = run(name, proxy.url(path), Path.of(expectedFailures));

    assertThat(run.outcomes()).as(run.process().toString()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(MUST_PASS).allSatisfy(scenario ->
        assertThat(run.outcomes().get(scenario)).as(scenario).isEqualTo("PASS"));
    assertThat(run.process().exitCode()).as(run.process().toString()).isZero();
  }

  /** Runs the suite once per endpoint (the tests share the runs) and prints the outcomes. */
  private static synchronized Run run(String name, String url, Path expectedFailures) {
    return RUNS.computeIfAbsent(name, n -> {
      Path results = dir.resolve("conformance-" + name);
      List<String> args = new ArrayList<>(List.of("server", "--url", url, "--suite", "all",
          "--output-dir", results.toString()));
      if (expectedFailures != null) {
        args.addAll(List.of("--expected-failures", expectedFailures.toAbsolutePath().toString()));
      }
      NodeProcess.Result process = NodeProcess.run(
          NodePeers.module("@modelcontextprotocol/conformance", "dist/index.js"), args, Map.of(),
          Duration.ofMinutes(3));
      Map<String, String> outcomes = outcomes(results);
      System.out.println("MCP conformance, " + name + " (" + url + "):");
      outcomes.forEach((scenario, outcome) -> System.out.println("  " + scenario + ": "
          + (outcome.length() > 160 ? outcome.substring(0, 157) + "..." : outcome)));
      return new Run(process, outcomes);
    });
  }

  /**
   * The entries {@code "  - scenario  # reason"} under {@code section:} of a list file: scenario to
   * reason. Used for the differences list, where every entry must give its reason on its line.
   */
  static Map<String, String> listed(Path file, String section) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    boolean inside = false;
    for (String line : Files.readAllLines(file)) {
      if (!line.startsWith(" ") && !line.startsWith("#") && !line.isBlank()) {
        inside = line.startsWith(section + ":");
      } else if (inside && line.startsWith("  - ")) {
        String entry = line.substring(4);
        int hash = entry.indexOf('#');
        entries.put((hash < 0 ? entry : entry.substring(0, hash)).trim(),
            hash < 0 ? "" : entry.substring(hash + 1).trim());
      }
    }
    return entries;
  }

  /** Scenario name to PASS, or FAIL with the failing checks and their messages. */
  private static Map<String, String> outcomes(Path results) {
    Map<String, String> outcomes = new TreeMap<>();
    if (!Files.isDirectory(results)) {
      return outcomes;
    }
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
