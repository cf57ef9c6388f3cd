package dev.switchboard.tool;

import static dev.switchboard.tool.TestDocuments.recipe;
import static dev.switchboard.tool.TestDocuments.tool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.tool.HttpOperation.FieldEncoding;
import dev.switchboard.tool.HttpOperation.In;
import dev.switchboard.tool.HttpOperation.Parameter;
import dev.switchboard.tool.HttpOperation.Style;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recipes keep what the description says about serialization: parameter styles, a form body's
 * per-field encoding, and Swagger 2.0 formData sent as a form even when {@code consumes} lists JSON.
 */
class SerializationImportTest {
  private final ImportReport stripe = TestDocuments.importResource("stripe", "stripe-shaped-30.yaml");
  private final ImportReport slack = TestDocuments.importResource("slack", "slack-shaped-20.yaml");

  @Test
  void deepObjectQueryParametersImportInsteadOfBeingSkipped() {
    assertThat(stripe.skipped()).isEmpty();
    assertThat(recipe(tool(stripe, "stripe_get_customers")).parameters()).containsExactly(
        new Parameter("created", "created", In.QUERY, false, true, Style.DEEP_OBJECT),
        new Parameter("expand", "expand", In.QUERY, false, true, Style.DEEP_OBJECT),
        new Parameter("limit", "limit", In.QUERY, false, true, Style.FORM));
  }

  @Test
  void everyStyleItsLocationAllowsIsKept() {
    assertThat(recipe(tool(stripe, "stripe_get_styles")).parameters()).containsExactly(
        new Parameter("label", "label", In.PATH, true, true, Style.LABEL),
        new Parameter("matrix", "matrix", In.PATH, true, false, Style.MATRIX),
        new Parameter("ids", "ids", In.QUERY, false, false, Style.FORM),
        new Parameter("words", "words", In.QUERY, false, false, Style.SPACE_DELIMITED),
        new Parameter("ranks", "ranks", In.QUERY, false, false, Style.PIPE_DELIMITED),
        new Parameter("point", "point", In.QUERY, false, true, Style.FORM),
        new Parameter("X-Tags", "X-Tags", In.HEADER, false, false, Style.SIMPLE),
        new Parameter("X-Origin", "X-Origin", In.HEADER, false, true, Style.SIMPLE));
  }

  @Test
  void aStyleItsLocationDoesNotAllowIsSkippedWithItsName() {
    ImportReport report = OpenApiImport.importDocument("p", """
        {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"get": {"parameters": [
          {"name": "X-Filter", "in": "header", "style": "deepObject", "schema": {"type": "object"}}]}}}}""");

    assertThat(report.skipped()).singleElement().satisfies(s -> {
      assertThat(s.reason()).isEqualTo(SkipReason.UNSUPPORTED_PARAMETER);
      assertThat(s.detail()).isEqualTo("parameter X-Filter in header uses style deepObject");
    });
  }

  @Test
  void formBodyKeepsTheEncodingOfEachField() {
    FieldEncoding brackets = new FieldEncoding(Style.DEEP_OBJECT, true, false);

    assertThat(recipe(tool(stripe, "stripe_post_customers")).body()).contains(new HttpOperation.Body("body",
        "application/x-www-form-urlencoded", false, Map.of("address", brackets, "expand", brackets,
            "metadata", brackets, "preferred_locales", brackets)));
  }

  @Test
  void swagger20FormDataIsAFormBodyEvenWhenConsumesListsJsonFirst() {
    for (String name : new String[] {"slack_chat_post_message", "slack_reactions_add"}) {
      assertThat(recipe(tool(slack, name)).body()).as(name)
          .contains(new HttpOperation.Body("body", "application/x-www-form-urlencoded", true));
    }
    assertThat(recipe(tool(slack, "slack_views_publish")).body())
        .contains(new HttpOperation.Body("body", "application/json", true));
  }

  @Test
  void swagger20FormDataWithAFileIsMultipartWithAFileArgument() {
    Tool upload = tool(slack, "slack_files_upload");

    assertThat(slack.skipped()).isEmpty();
    assertThat(recipe(upload).body()).hasValueSatisfying(b -> assertThat(b.contentType()).isEqualTo("multipart/form-data"));
    assertThat(upload.inputSchema().at("/properties/body/properties/file/required").toString()).isEqualTo("[\"base64\"]");
  }

  @Test
  void storedToolsKeepStylesAndEncodings() {
    assertThat(StoredTools.read(StoredTools.write(stripe.tools()))).contains(stripe.tools());
    assertThat(StoredTools.read(StoredTools.write(slack.tools()))).contains(slack.tools());
  }
}
