package dev.switchboard.tool;

import static dev.switchboard.tool.TestDocuments.json;
import static dev.switchboard.tool.TestDocuments.tool;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArgumentValidatorTest {
  private static final ImportReport TRACKER = TestDocuments.importResource("tracker", "tracker-30.yaml");
  private static final Tool LIST_ISSUES = tool(TRACKER, "tracker_list_issues");
  private static final Tool CREATE_ISSUE = tool(TRACKER, "tracker_create_issue");

  private final ArgumentValidator validator = new ArgumentValidator();

  @Test
  void validArgumentsHaveNoProblems() {
    assertThat(validator.problems(LIST_ISSUES, json("""
        {"project": "ABC", "state": "closed", "labels": ["bug"], "per_page": 50}"""))).isEmpty();
    assertThat(validator.problems(CREATE_ISSUE, json("""
        {"project": "ABC", "body": {"title": "Fix it", "kind": null, "labels": ["ci"]}}"""))).isEmpty();
  }

  @Test
  void missingRequiredArgumentsAreNamed() {
    assertThat(validator.problems(CREATE_ISSUE, json("{}")))
        .containsExactlyInAnyOrder("project: is required", "body: is required");
  }

  @Test
  void nullAndMissingArgumentsCountAsAnEmptyObject() {
    List<String> empty = validator.problems(CREATE_ISSUE, json("{}"));

    assertThat(validator.problems(CREATE_ISSUE, null)).isEqualTo(empty);
    assertThat(validator.problems(CREATE_ISSUE, json("null"))).isEqualTo(empty);
  }

  @Test
  void wrongTypesNameTheFieldAndTheExpectedType() {
    assertThat(validator.problems(LIST_ISSUES, json("{\"project\": \"ABC\", \"per_page\": \"ten\"}")))
        .containsExactly("per_page: must be an integer");
    assertThat(validator.problems(LIST_ISSUES, json("[]"))).containsExactly("arguments: must be an object");
  }

  @Test
  void enumsPatternsAndBoundsSayWhatIsAllowed() {
    assertThat(validator.problems(LIST_ISSUES, json("""
        {"project": "abc", "state": "reopened", "per_page": 500}""")))
        .containsExactlyInAnyOrder(
            "project: must match the pattern ^[A-Z]+$",
            "state: must be one of \"open\", \"closed\"",
            "per_page: must be at most 100");
  }

  @Test
  void nestedBodyFieldsAreNamedWithTheirPath() {
    assertThat(validator.problems(CREATE_ISSUE, json("""
        {"project": "ABC", "body": {"kind": "epic", "estimate": 0, "labels": ["ok", 7]}}""")))
        .containsExactlyInAnyOrder(
            "body.title: is required",
            "body.kind: must be one of \"bug\", \"task\", null",
            "body.estimate: must be greater than 0",
            "body.labels[1]: must be a string");
  }

  @Test
  void unknownArgumentsAreRejectedByName() {
    assertThat(validator.problems(LIST_ISSUES, json("{\"project\": \"ABC\", \"colour\": \"red\"}")))
        .containsExactly("colour: is not an allowed field");
  }

  @Test
  void messagesNeverContainTheSubmittedValues() {
    String canary = "sk_live_canary_4f2a";
    List<String> problems = validator.problems(CREATE_ISSUE, json("""
        {"project": "%1$s", "body": {"title": 1, "kind": "%1$s", "assignee": 5, "estimate": "%1$s",
         "labels": ["%1$s%1$s%1$s%1$s%1$s%1$s%1$s%1$s"], "parent": "%1$s"}}""".formatted(canary)));

    assertThat(problems).hasSizeGreaterThanOrEqualTo(6).noneMatch(p -> p.contains(canary));
  }

  @Test
  void aToolWhoseSchemaChangesUnderTheSameNameIsRecompiled() {
    Tool before = withSchema("{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\"}}}");
    Tool after = withSchema("{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"string\"}}}");

    assertThat(validator.problems(before, json("{\"n\": \"x\"}"))).containsExactly("n: must be an integer");
    assertThat(validator.problems(after, json("{\"n\": \"x\"}"))).isEmpty();
  }

  @Test
  void toolsWithTheSameDefinitionNamesDoNotShareDefinitions() {
    Tool integers = withSchema("""
        {"type": "object", "properties": {"v": {"$ref": "#/$defs/V"}}, "$defs": {"V": {"type": "integer"}}}""", "a");
    Tool strings = withSchema("""
        {"type": "object", "properties": {"v": {"$ref": "#/$defs/V"}}, "$defs": {"V": {"type": "string"}}}""", "b");

    assertThat(validator.problems(integers, json("{\"v\": 1}"))).isEmpty();
    assertThat(validator.problems(strings, json("{\"v\": 1}"))).containsExactly("v: must be a string");
  }

  @Test
  void concurrentCallsGiveTheSameAnswers() {
    List<List<String>> answers = IntStream.range(0, 200).parallel()
        .mapToObj(i -> validator.problems(i % 2 == 0 ? LIST_ISSUES : CREATE_ISSUE, json("{}"))).distinct().toList();

    assertThat(answers).containsExactlyInAnyOrder(
        List.of("project: is required"), List.of("project: is required", "body: is required"));
  }

  private static Tool withSchema(String schema) {
    return withSchema(schema, "t");
  }

  private static Tool withSchema(String schema, String local) {
    return new Tool("p_" + local, "p", local, null, null, json(schema), Set.of(),
        new HttpOperation("GET", "/", List.of(), Optional.empty()));
  }
}
