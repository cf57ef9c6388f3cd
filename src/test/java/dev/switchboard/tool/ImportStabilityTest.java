package dev.switchboard.tool;

import static dev.switchboard.tool.TestDocuments.recipe;
import static dev.switchboard.tool.TestDocuments.unordered;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Tool names and schemas do not change when the same document is imported again, even reordered. */
class ImportStabilityTest {
  private static final String DOCUMENT = TestDocuments.text("naming-31.json");

  @Test
  void collisionsAndLongNamesAreResolvedInPathAndMethodOrder() {
    List<String> names = OpenApiImport.importDocument("n", DOCUMENT).tools().stream().map(Tool::name).toList();

    assertThat(names).hasSize(7).doesNotHaveDuplicates();
    assertThat(names.subList(0, 4)).containsExactly("n_list_things", "n_list_things_2", "n_list_things_3",
        "n_get_c_thing_id_sub_things");
    // too long as written: shortened readably (filler words dropped, long words abbreviated), not hashed
    assertThat(names.subList(4, 6)).containsExactly("n_repos_list_activities_auth_user_all_orgs_their_repositories",
        "n_repos_list_activities_auth_user_all_orgs_their_repos_archived");
    assertThat(names.get(6)).isEqualTo("n_post_e");
  }

  @Test
  void equallyGoodBodyTypesAreChosenAlphabetically() {
    Tool tool = TestDocuments.tool(OpenApiImport.importDocument("n", DOCUMENT), "n_post_e");

    assertThat(recipe(tool).body()).contains(new HttpOperation.Body("body", "application/merge-patch+json", false));
    assertThat(tool.inputSchema().at("/properties/body/$ref").asString()).isEqualTo("#/$defs/B");
  }

  @Test
  void importingTheSameTextTwiceGivesEqualReports() {
    assertThat(OpenApiImport.importDocument("n", DOCUMENT)).isEqualTo(OpenApiImport.importDocument("n", DOCUMENT));
  }

  @Test
  void shufflingEveryObjectInTheDocumentChangesNoNameRecipeScopeOrSchema() {
    ImportReport original = OpenApiImport.importDocument("n", DOCUMENT);
    for (long seed = 1; seed <= 5; seed++) {
      JsonNode shuffled = shuffle(TestDocuments.json(DOCUMENT), new Random(seed));
      ImportReport again = OpenApiImport.importDocument("n", shuffled.toString());

      assertThat(again.tools()).extracting(Tool::name).containsExactlyElementsOf(names(original));
      for (int i = 0; i < original.tools().size(); i++) {
        Tool before = original.tools().get(i);
        Tool after = again.tools().get(i);
        assertThat(recipe(after)).isEqualTo(recipe(before));
        assertThat(after.requiredScopes()).isEqualTo(before.requiredScopes());
        assertThat(unordered(after.inputSchema())).isEqualTo(unordered(before.inputSchema()));
      }
    }
  }

  private static List<String> names(ImportReport report) {
    return report.tools().stream().map(Tool::name).toList();
  }

  /** A copy of {@code node} with the properties of every object in a random order (arrays keep theirs). */
  private static JsonNode shuffle(JsonNode node, Random random) {
    if (node.isArray()) {
      var copy = TestDocuments.JSON.createArrayNode();
      node.forEach(element -> copy.add(shuffle(element, random)));
      return copy;
    }
    if (!node.isObject()) {
      return node;
    }
    List<String> keys = new ArrayList<>(node.propertyNames());
    Collections.shuffle(keys, random);
    ObjectNode copy = TestDocuments.JSON.createObjectNode();
    keys.forEach(key -> copy.set(key, shuffle(node.get(key), random)));
    return copy;
  }
}
