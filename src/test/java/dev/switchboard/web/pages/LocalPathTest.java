package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code next} target after sign-in: only paths that stay on this site, as a browser reads them. */
class LocalPathTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "/providers", "/providers/openai", "/bundles/dev?tab=tools#readiness", "/executions?cursor=abc%3D%3D",
      "/providers/caf%C3%A9", "/a/b/../c", "/?q=a+b", "/executions?cursor=a%252Fb", "/x%25252541"})
  void pathsOfThisSiteAreKept(String next) {
    assertThat(LocalPath.safe(next)).as(next).isTrue();
    assertThat(SignInPages.next(next)).isEqualTo(next);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "providers", "https://evil.example/", "http:/evil.example", "javascript:alert(1)",
      "//evil.example", "///evil.example", "/\\evil.example", "\\/evil.example", "/\\/evil.example",
      "/%09/evil.example", "/%0a/evil.example", "/%0d/evil.example", "/%0D%0A/evil.example", "/%00/evil.example",
      "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "\t//evil.example", " //evil.example",
      "/%5cevil.example", "/%5Cevil.example", "/providers\\..\\", "/%2F/evil.example", "/%2f%2fevil.example",
      "/%2509/evil.example", "/%255c/evil.example", "/%7F/x", "/x%", "/x%zz", "/\u200b/evil.example",
      "/ /evil.example", "/signin", "/signin?next=/providers",
      "/%252509/evil.example", "/%25252509/evil.example", "/%25255c/evil.example", "/%25252F/evil.example",
      "/%2525252525252541", "/%252525252525252509/evil.example"})
  void targetsThatCouldLeaveTheSiteFallBackToTheDashboardHome(String next) {
    assertThat(SignInPages.next(next)).as(next).isEqualTo(ProviderPages.PATH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/%09/evil.example", "//evil.example", "/\\evil.example"})
  void theRefusedTargetsAreNotSafeOnTheirOwn(String next) {
    assertThat(LocalPath.safe(next)).isFalse();
  }

  @Test
  void aMissingTargetFallsBack() {
    assertThat(SignInPages.next(null)).isEqualTo(ProviderPages.PATH);
    assertThat(LocalPath.orElse("/x".repeat(2000), "/home")).isEqualTo("/home");
  }
}
