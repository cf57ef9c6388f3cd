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
