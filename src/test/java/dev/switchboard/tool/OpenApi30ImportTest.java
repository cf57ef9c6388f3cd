package dev.switchboard.tool;

import static dev.switchboard.tool.TestDocuments.json;
import static dev.switchboard.tool.TestDocuments.recipe;
import static dev.switchboard.tool.TestDocuments.tool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.switchboard.tool.HttpOperation.In;
import dev.switchboard.tool.HttpOperation.Parameter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code tracker-30.yaml}: OpenAPI 3.0 operations, parameters, bodies and scopes. */
class OpenApi30ImportTest {
  private final ImportReport report = TestDocuments.importResource("tracker", "tracker-30.yaml");

  @Test
  void everyExpressibleOperationBecomesAToolSortedByPathAndMethod() {
    assertThat(report.tools()).extracting(Tool::name).containsExactly(
        "tracker_upload_attachment",
        "tracker_create_category",
        "tracker_login",
        "tracker_list_issues",
        "tracker_create_issue",
        "tracker_get_projects_project_issues_id",
        "tracker_update_issue",
        "tracker_get_reports",
        "tracker_search");
    assertThat(report.tools()).allSatisfy(t -> {
      assertThat(t.provider()).isEqualTo("tracker");
      assertThat(t.name()).isEqualTo("tracker_" + t.localName());
    });
  }

  @Test
  void reportCarriesTheTitleAndTheFirstServerWithVariableDefaults() {
    assertThat(report.title()).isEqualTo("Tracker API");
    assertThat(report.serverUrl()).contains("https://eu.tracker.example/api");
  }

  @Test
  void descriptionIsSummaryThenABlankLineThenTheDescription() {
    Tool tool = tool(report, "tracker_list_issues");

    assertThat(tool.title()).isEqualTo("List issues");
    assertThat(tool.description()).isEqualTo("List issues\n\nLists the issues of a project, newest first.");
  }

  @Test
  void pathLevelAndOperationParametersBecomeTopLevelArgumentsWithTheirRecipe() {
    Tool tool = tool(report, "tracker_list_issues");

    assertThat(tool.inputSchema()).isEqualTo(json("""
        {"type": "object",
         "properties": {
           "project": {"type": "string", "pattern": "^[A-Z]+$", "description": "The project key"},
           "state": {"type": "string", "enum": ["open", "closed"], "default": "open"},
           "labels": {"type": "array", "items": {"type": "string"}},
           "per_page": {"type": "integer", "minimum": 1, "maximum": 100},
           "X-Request-Id": {"type": "string", "format": "uuid"}},
         "required": ["project"],
         "additionalProperties": false}"""));
    assertThat(recipe(tool)).isEqualTo(new HttpOperation("GET", "/projects/{project}/issues", List.of(
        new Parameter("project", "project", In.PATH, true, false),
        new Parameter("state", "state", In.QUERY, false, true),
        new Parameter("labels", "labels", In.QUERY, false, false),
        new Parameter("per_page", "per_page", In.QUERY, false, true),
        new Parameter("X-Request-Id", "X-Request-Id", In.HEADER, false, false)), Optional.empty()));
  }

  @Test
  void clashingOrInvalidWireNamesGetArgumentNamesAndTheRecipeKeepsTheWireName() {
    Tool tool = tool(report, "tracker_get_projects_project_issues_id");

    assertThat(tool.inputSchema().get("properties").propertyNames())
        .containsExactly("project", "id", "id_query", "page_size");
    assertThat(tool.inputSchema().get("properties").get("id_query").get("description").asString())
        .isEqualTo("Alternative id");
    assertThat(recipe(tool).parameters()).extracting(Parameter::argument, Parameter::wireName, Parameter::in)
        .containsExactly(
            tuple("project", "project", In.PATH),
            tuple("id", "id", In.PATH),
            tuple("id_query", "id", In.QUERY),
            tuple("page_size", "page[size]", In.QUERY));
  }

  @Test
  void requestBodyBecomesTheBodyArgumentRequiredWhenTheBodyIs() {
    Tool tool = tool(report, "tracker_create_issue");

    assertThat(tool.inputSchema().get("required")).isEqualTo(json("[\"project\", \"body\"]"));
    assertThat(tool.inputSchema().at("/properties/body/description").asString()).isEqualTo("The new issue");
    assertThat(recipe(tool).body()).contains(new HttpOperation.Body("body", "application/json", true));
  }

  @Test
  void optionalBodyIsNotRequiredAndJsonVariantsWinOverText() {
    Tool tool = tool(report, "tracker_update_issue");

    assertThat(tool.inputSchema().get("required")).isEqualTo(json("[\"project\", \"id\"]"));
    assertThat(recipe(tool).body()).contains(new HttpOperation.Body("body", "application/merge-patch+json", false));
  }

  @Test
  void formBodiesKeepTheirContentType() {
    Tool tool = tool(report, "tracker_login");

    assertThat(recipe(tool).body()).contains(
        new HttpOperation.Body("body", "application/x-www-form-urlencoded", false));
    assertThat(tool.inputSchema().at("/properties/body/properties/password/writeOnly").asBoolean()).isTrue();
  }

  @Test
  void acceptHeaderAndOptionalCookiesAreLeftOut() {
    Tool tool = tool(report, "tracker_list_issues");

    assertThat(tool.inputSchema().get("properties").propertyNames()).doesNotContain("Accept", "session");
    assertThat(recipe(tool).parameters()).extracting(Parameter::wireName).doesNotContain("Accept", "session");
  }

  @Test
  void scopesComeFromTheFirstDocumentRequirementThatNamesAnOAuthScheme() {
    assertThat(tool(report, "tracker_list_issues").requiredScopes()).containsExactly("issues:read");
  }

  @Test
  void operationSecurityReplacesTheDocumentsAndAnEmptyOneNeedsNoScopes() {
    assertThat(tool(report, "tracker_create_issue").requiredScopes()).containsExactly("issues:write");
    assertThat(tool(report, "tracker_login").requiredScopes()).isEmpty();
  }
}
