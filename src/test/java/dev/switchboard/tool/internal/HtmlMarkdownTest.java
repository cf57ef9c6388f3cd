package dev.switchboard.tool.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlMarkdownTest {
  @Test
  void stripeStyleParagraphsLinksAndCodeBecomeMarkdown() {
    String html = "<p>Creates a <a href=\"/docs/api/customers\">customer</a> object.</p>\n"
        + "<p>Pass <code>expand[]=tax</code> to get taxes &amp; fees.</p>";

    assertThat(HtmlMarkdown.of(html)).isEqualTo(
        "Creates a [customer](/docs/api/customers) object.\n\nPass `expand[]=tax` to get taxes & fees.");
  }

  @Test
  void listsBecomeMarkdownListsNumberedOrNot() {
    assertThat(HtmlMarkdown.of("<p>Either:</p><ul><li>one</li><li><strong>two</strong></li></ul>"))
        .isEqualTo("Either:\n\n- one\n- **two**");
    assertThat(HtmlMarkdown.of("<ol><li>first</li><li>second</li></ol>")).isEqualTo("1. first\n2. second");
  }

  @Test
  void entitiesAreDecodedAndUnknownTagsDroppedButPlaceholdersKept() {
    assertThat(HtmlMarkdown.of("a &lt;b&gt; &#39;c&#x27; &quot;d&quot;&nbsp;e")).isEqualTo("a <b> 'c' \"d\" e");
    assertThat(HtmlMarkdown.of("<span class=\"x\">Text</span><br/>more")).isEqualTo("Text\nmore");
    // GitHub's Markdown names placeholders in angle brackets: they are not HTML elements
    assertThat(HtmlMarkdown.of("Use `/repos/<owner>/<repo>` here")).isEqualTo("Use `/repos/<owner>/<repo>` here");
  }

  @Test
  void preformattedBlocksBecomeFencedCode() {
    assertThat(HtmlMarkdown.of("<p>Example:</p><pre><code>curl -u sk_test:\n  https://x</code></pre>"))
        .isEqualTo("Example:\n\n```\ncurl -u sk_test:\n  https://x\n```");
  }

  @Test
  void plainTextAndMarkdownAreLeftAsTheyAre() {
    String markdown = "Lists repositories.\n\n    indented code\n\n* item";

    assertThat(HtmlMarkdown.of(markdown)).isSameAs(markdown);
  }
}
