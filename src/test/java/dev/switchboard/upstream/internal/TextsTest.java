package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {
  private static final String SECRET = "sk_live_0123456789abcdefghij";

  @Test
  void shortTextsAreKeptOnOneLine() {
    assertThat(Texts.oneLine("  bad\n\trequest  ")).isEqualTo("bad request");
  }

  @Test
  void aCutThroughASecretDropsTheWholeWordSoNoPrefixSurvivesForRedactionToMiss() {
    String text = "x".repeat(10) + " " + "word ".repeat(57) + SECRET + " tail";
    int at = text.indexOf(SECRET);
    assertThat(at).isLessThan(300).isGreaterThan(300 - SECRET.length());

    String cut = Texts.oneLine(text);

    assertThat(cut).endsWith("word …").doesNotContain("sk_");
    assertThat(cut.length()).isLessThanOrEqualTo(302);
  }

  @Test
  void aCutAtASpaceKeepsEveryWholeWordAndOneLongWordIsDroppedEntirely() {
    assertThat(Texts.oneLine("a".repeat(300) + " b")).isEqualTo("a".repeat(300) + " …");
    assertThat(Texts.oneLine(SECRET.repeat(20))).isEqualTo("…");
  }
}
