package dev.switchboard.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchWordsTest {
  @Test
  void identifiersAreSplitIntoTheirWords() {
    assertThat(SearchWords.of("chat.postMessage")).containsExactly("chat", "post", "messag");
    assertThat(SearchWords.of("list-for-repo")).containsExactly("list", "repository");
    assertThat(SearchWords.of("OAuthTokens_get")).containsExactly("auth", "token", "get");
  }

  @Test
  void stopWordsHtmlAndOneLetterWordsAreLeftOut() {
    assertThat(SearchWords.of("a")).isEmpty();
    assertThat(SearchWords.of("<p>Send a message to the channel</p>")).containsExactly("send", "messag", "channel");
  }

  @Test
  void pluralsAndVerbFormsShareAStem() {
    assertThat(SearchWords.of("creates created creating create")).containsOnly("creat");
    assertThat(SearchWords.of("repositories repository")).containsOnly("repository");
    assertThat(SearchWords.of("branches branch")).containsOnly("branch");
    assertThat(SearchWords.of("status statuses")).containsOnly("status");
  }

  @Test
  void commonVerbsAreFolded() {
    assertThat(SearchWords.of("remove")).containsExactly(SearchWords.of("delete").get(0));
    assertThat(SearchWords.of("retrieve fetch")).containsOnly("get");
  }
}
