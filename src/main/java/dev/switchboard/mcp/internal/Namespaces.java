package dev.switchboard.mcp.internal;

import java.util.List;
import java.util.Optional;

/**
 * How the resources and prompts of a bundle's MCP providers are named on the bundle, reversibly,
 * like its tools: a prompt {@code p} of provider {@code s} is {@code s_p}; a resource URI {@code u}
 * (or URI template) is {@code switchboard://s/u}, so {@code demo://static/resource/1} of
 * {@code everything} is {@code switchboard://everything/demo://static/resource/1} — except a URI
 * whose scheme is the provider's own slug ({@code s://…} of provider {@code s}), which already
 * names its provider and keeps its name: {@code test://static-text} of {@code test} is
 * {@code test://static-text}. (A provider slugged {@code switchboard} is always prefixed.) Stateless.
 */
public final class Namespaces {
  static final String URI_PREFIX = "switchboard://";

  private Namespaces() {}

  public static String uri(String provider, String uri) {
    return ownScheme(provider, uri) ? uri : URI_PREFIX + provider + "/" + uri;
  }

  /** Whether {@code uri}'s scheme is {@code provider}'s slug (and not Switchboard's own prefix). */
  private static boolean ownScheme(String provider, String uri) {
    return !URI_PREFIX.equals(provider + "://") && uri.startsWith(provider + "://");
  }

  /** The provider and its own URI of a namespaced URI, when it names one of {@code links}. */
  static Optional<Owned> ownerOfUri(String uri, List<ProviderLink> links) {
    if (!uri.startsWith(URI_PREFIX)) {
      return links.stream().filter(l -> ownScheme(l.provider(), uri)).findFirst().map(l -> new Owned(l, uri));
    }
    String rest = uri.substring(URI_PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    String provider = rest.substring(0, slash);
    return links.stream().filter(l -> l.provider().equals(provider)).findFirst()
        .map(l -> new Owned(l, rest.substring(slash + 1)));
  }

  static String name(String provider, String name) {
    return provider + "_" + name;
  }

  /** The provider and its own name of a namespaced prompt name (the longest matching prefix wins). */
  static Optional<Owned> ownerOfName(String name, List<ProviderLink> links) {
    return links.stream().filter(l -> name.startsWith(l.provider() + "_") && name.length() > l.provider().length() + 1)
        .max((a, b) -> Integer.compare(a.provider().length(), b.provider().length()))
        .map(l -> new Owned(l, name.substring(l.provider().length() + 1)));
  }

  /** A provider's own name or URI for something named on the bundle. */
  record Owned(ProviderLink link, String local) {}
}
