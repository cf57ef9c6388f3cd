package dev.switchboard.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolNamesTest {

  @Test
  void snakeCaseSplitsWordsAndReplacesEverythingElseWithOneUnderscore() {
    assertThat(ToolNames.snakeCase("listRepos")).isEqualTo("list_repos");
    assertThat(ToolNames.snakeCase("HTTPServerError")).isEqualTo("http_server_error");
    assertThat(ToolNames.snakeCase("getV2Users")).isEqualTo("get_v2_users");
    assertThat(ToolNames.snakeCase("apps/get-authenticated")).isEqualTo("apps_get_authenticated");
    assertThat(ToolNames.snakeCase("get /repos/{owner}/{repo}")).isEqualTo("get_repos_owner_repo");
    assertThat(ToolNames.snakeCase("__Already_snake__")).isEqualTo("already_snake");
    assertThat(ToolNames.snakeCase(" /{}/ ")).isEqualTo("tool");
  }

  @Test
  void nameIsProviderUnderscoreSnakeCase() {
    assertThat(ToolNames.of("github", "repos/get")).isEqualTo("github_repos_get");
    assertThat(ToolNames.of("jira-cloud", "searchIssues")).isEqualTo("jira-cloud_search_issues");
  }

  @Test
  void longNamesThatCannotBeShortenedReadablyAreCutTo64CharactersEndingWithAStableHashOfTheFullName() {
    String raw = "reposListActivitiesAcrossEveryWorkspaceBelongingSomeoneElseEntirelyUnrelatedHere";
    String name = ToolNames.of("github", raw);

    assertThat(name).hasSize(ToolNames.MAX_LENGTH).matches("github_repos_list_activities_[a-z_]+_[0-9a-f]{8}");
    assertThat(ToolNames.of("github", raw)).isEqualTo(name);
    assertThat(ToolNames.of("github", raw + "Archived")).isNotEqualTo(name).hasSize(ToolNames.MAX_LENGTH);
  }

  @Test
  void longNamesAreShortenedReadablyBeforeAnyHash() {
    // GitHub's operation ids: filler words go first, then long words are abbreviated, then repeats
    assertThat(ToolNames.of("github", "reposListActivitiesForTheAuthenticatedUserInAllOrganizationsAndTheirRepositories"))
        .isEqualTo("github_repos_list_activities_auth_user_all_orgs_their_repos");
    assertThat(ToolNames.of("github", "actions/list-selected-repositories-enabled-github-actions-organization"))
        .isEqualTo("github_actions_list_selected_repos_enabled_github_actions_org");
    assertThat(ToolNames.of("github", "copilot/list-copilot-coding-agent-selected-repositories-for-organization"))
        .isEqualTo("github_copilot_list_copilot_coding_agent_selected_repos_org");
    assertThat(ToolNames.of("github", "actions/get-actions-cache-retention-limit-for-organization"))
        .isEqualTo("github_actions_get_actions_cache_retention_limit_organization");
  }

  @Test
  void namesThatFitAreNotHashed() {
    String raw = "a".repeat(ToolNames.MAX_LENGTH - "p_".length());

    assertThat(ToolNames.of("p", raw)).isEqualTo("p_" + raw);
  }

  @Test
  void collisionsGetNumberedSuffixesInTheGivenOrder() {
    List<String> raws = List.of("listItems", "list_items", "ListItems", "list_items_2", "other");

    List<String> names = ToolNames.unique("p", raws);

    assertThat(names)
        .containsExactly("p_list_items", "p_list_items_2", "p_list_items_3", "p_list_items_2_2", "p_other");
  }

  @Test
  void collidingLongNamesStayDistinctAndShort() {
    String raw = "x".repeat(100);

    List<String> names = ToolNames.unique("p", List.of(raw, raw, raw));

    assertThat(names).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).hasSizeLessThanOrEqualTo(64));
  }

  @Test
  void everyNameIsAValidMcpToolName() {
    for (String raw : List.of("ü∂ß", "a.b.c", "x".repeat(300), "Ünïcode Operation Name!")) {
      assertThat(ToolNames.of("prov", raw)).matches("[A-Za-z0-9_-]{1,64}");
    }
  }

  @Test
  void providerSlugMustBeAValidNamePrefix() {
    assertThatThrownBy(() -> ToolNames.of("bad slug", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ToolNames.of("", "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
