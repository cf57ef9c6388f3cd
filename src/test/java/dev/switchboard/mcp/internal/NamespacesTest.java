package dev.switchboard.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamespacesTest {
  private static final ProviderLink EVERYTHING = new ProviderLink("everything", null, "everything/c1");
  private static final ProviderLink EVERY = new ProviderLink("every", null, "every/c2");
  private static final List<ProviderLink> LINKS = List.of(EVERY, EVERYTHING);

  @Test
  void aResourceUriIsPrefixedWithItsProviderAndComesBackUnchanged() {
    String named = Namespaces.uri("everything", "demo://resource/static/document/a b.md");

    assertThat(named).isEqualTo("switchboard://everything/demo://resource/static/document/a b.md");
    assertThat(Namespaces.ownerOfUri(named, LINKS)).hasValueSatisfying(owned -> {
      assertThat(owned.link()).isEqualTo(EVERYTHING);
      assertThat(owned.local()).isEqualTo("demo://resource/static/document/a b.md");
    });
  }

  @Test
  void aUriOfNoProviderOfTheBundleOrWithoutThePrefixIsNobodys() {
    assertThat(Namespaces.ownerOfUri("switchboard://other/demo://x", LINKS)).isEmpty();
    assertThat(Namespaces.ownerOfUri("demo://x", LINKS)).isEmpty();
    assertThat(Namespaces.ownerOfUri("switchboard://everything", LINKS)).isEmpty();
  }

  @Test
  void aUriWhoseSchemeIsItsProvidersSlugKeepsItsNameAndComesBackToThatProvider() {
    ProviderLink test = new ProviderLink("test", null, "test/c3");
    ProviderLink other = new ProviderLink("other", null, "other/c4");
    List<ProviderLink> links = List.of(other, test);
    assertThat(Namespaces.uri("test", "test://static-text")).isEqualTo("test://static-text");
    assertThat(Namespaces.uri("test", "test://template/{id}/data")).isEqualTo("test://template/{id}/data");
    // another provider's URI of that scheme is prefixed as usual, so the two never meet
    assertThat(Namespaces.uri("other", "test://static-text")).isEqualTo("switchboard://other/test://static-text");
    assertThat(Namespaces.ownerOfUri("test://static-text", links)).hasValueSatisfying(owned -> {
      assertThat(owned.link()).isEqualTo(test);
      assertThat(owned.local()).isEqualTo("test://static-text");
    });
    assertThat(Namespaces.ownerOfUri("switchboard://other/test://static-text", links).orElseThrow().link())
        .isEqualTo(other);
    // a provider slugged like Switchboard's own prefix is always prefixed
    assertThat(Namespaces.uri("switchboard", "switchboard://x")).isEqualTo("switchboard://switchboard/switchboard://x");
    assertThat(Namespaces.ownerOfUri("testing://x", links)).isEmpty();
  }

  @Test
  void aPromptNameGoesToTheLongestProviderPrefix() {
    assertThat(Namespaces.ownerOfName("everything_simple-prompt", LINKS)).hasValueSatisfying(owned -> {
      assertThat(owned.link()).isEqualTo(EVERYTHING);
      assertThat(owned.local()).isEqualTo("simple-prompt");
    });
    assertThat(Namespaces.ownerOfName("every_x", LINKS).orElseThrow().link()).isEqualTo(EVERY);
    assertThat(Namespaces.ownerOfName("every_", LINKS)).isEmpty();
    assertThat(Namespaces.ownerOfName("nobody_x", LINKS)).isEmpty();
  }
}
