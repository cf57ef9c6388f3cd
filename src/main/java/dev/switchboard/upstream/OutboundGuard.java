package dev.switchboard.upstream;

import dev.switchboard.upstream.UpstreamUnavailableException.Failure;
import dev.switchboard.upstream.internal.Addresses;
import dev.switchboard.upstream.internal.Authority;
import dev.switchboard.upstream.internal.HostText;
import dev.switchboard.upstream.internal.Refusal;
import dev.switchboard.upstream.internal.ReservedRanges;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one SSRF guard (DESIGN.md §9) for every URL a user or an upstream can influence. Addresses
 * are judged by what they denote, in every spelling a URL parser accepts ({@code 2130706433},
 * {@code 0x7f.1}, {@code 0177.0.0.1}, {@code [::ffff:7f00:1]} are all 127.0.0.1). Loopback,
 * unspecified, private, link-local (cloud metadata), CGNAT, unique-local, multicast, broadcast,
 * documentation, benchmarking and reserved addresses are refused unless the {@link OutboundPolicy}
 * allows them on the port asked for; a name is refused when any of its addresses is. The gateway's
 * own listening address and port ({@link SelfAddress}) is refused even when loopback is allowed,
 * unless an entry names that port. Immutable and thread safe.
 */
public final class OutboundGuard implements HostResolver {
  private static final String HINT = "; ask an administrator to add it to " + OutboundPolicy.SETTING;

  private final OutboundPolicy policy;
  private final NameLookup lookup;
  private final SelfAddress self;

  /** A guard that resolves names with the system resolver and knows no gateway of its own. */
  public OutboundGuard(OutboundPolicy policy) {
    this(policy, NameLookup.system());
  }

  /** A guard that knows no gateway of its own ({@link SelfAddress#none()}). */
  public OutboundGuard(OutboundPolicy policy, NameLookup lookup) {
    this(policy, lookup, SelfAddress.none());
  }

  /** @param self where this gateway listens; calls to it are refused unless an entry names its port */
  public OutboundGuard(OutboundPolicy policy, NameLookup lookup, SelfAddress self) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.self = Objects.requireNonNull(self, "self");
  }

  public OutboundPolicy policy() {
    return policy;
  }

  /**
   * Checks a URL before anything is sent: http or https, a host, no user information, a valid
   * port, and — when the host is an address literal — an address allowed on that port (the
   * scheme's default when none is given). Names are not resolved here; {@link #resolve} checks them
   * when a connection is made.
   *
   * @return the normalized URI: lower-case scheme and host, the address in canonical text
   *     ({@code http://0x7f000001} becomes {@code http://127.0.0.1/}), no default port, at least
   *     {@code /} as path, no fragment; path and query kept exactly as written
   * @throws OutboundBlockedException when the URL is refused; the message never repeats the path
   *     or query, which may hold secrets
   */
  public URI check(String url) {
    URI uri;
    try {
      uri = new URI(Objects.requireNonNull(url, "url"));
    } catch (URISyntaxException e) {
      throw refused("the URL is not valid (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw refused("only http and https URLs can be called"
          + (scheme.isEmpty() ? "" : " (not " + scheme + ")"));
    }
    String raw = uri.getRawAuthority();
    if (uri.isOpaque() || raw == null || raw.isEmpty()) {
      throw refused("the URL has no host");
    }
    if (raw.indexOf('@') >= 0) {
      throw refused("the URL carries user information (user:password@); "
          + "keep secrets in a credential, not in the URL");
    }
    Authority authority;
    try {
      authority = Authority.parse(raw);
    } catch (IllegalArgumentException e) {
      throw refused(e.getMessage());
    }
    HostText host = HostText.parse(authority.host());
    if (host.kind() == HostText.Kind.INVALID) {
      throw refused(host.text());
    }
    int port = authority.port() != -1 ? authority.port() : scheme.equals("http") ? 80 : 443;
    if (host.kind() == HostText.Kind.ADDRESS) {
      requireAllowed(authority.host(), host.address(), port, "it is ");
    } else {
      requireNotBaseUrl(host.text(), port);
    }
    return normalized(uri, scheme, host, authority.port());
  }

  /**
   * The addresses to connect to for {@code host} on {@code port}: the address itself for a literal
   * in any spelling (with or without brackets), or every address a name resolves to. All of them
   * must be allowed on that port — a name is allowed outright when it is allow-listed for the port,
   * otherwise each of its addresses must be public or in a range allow-listed for the port. None
   * may be the gateway's own listening address and port unless an entry names that port.
   *
   * @throws OutboundBlockedException when the host is malformed or an address is refused
   * @throws UpstreamUnavailableException when a name cannot be resolved
   */
  @Override
  public List<InetAddress> resolve(String host, int port) {
    HostText parsed = HostText.parse(Objects.requireNonNull(host, "host"));
    if (port < 1 || port > 65535) {
      throw refused("the port must be between 1 and 65535");
    }
    switch (parsed.kind()) {
      case INVALID:
        throw refused(parsed.text());
      case ADDRESS:
        requireAllowed(host, parsed.address(), port, "it is ");
        return List.of(inet(parsed.address()));
      default:
        return resolveName(parsed.text(), port);
    }
  }

  private List<InetAddress> resolveName(String name, int port) {
    requireNotBaseUrl(name, port);
    InetAddress[] found;
    try {
      found = lookup.lookup(name);
    } catch (UnknownHostException e) {
      found = null;
    }
    if (found == null || found.length == 0) {
      throw new UpstreamUnavailableException(Failure.DNS, "cannot resolve " + name + " (DNS lookup failed)");
    }
    boolean named = policy.allowsName(name, port);
    boolean namedForPort = policy.allowsNameExplicitly(name, port);
    for (InetAddress address : found) {
      byte[] canonical = Addresses.canonical(address.getAddress());
      if (!named) {
        requireAllowed(name, canonical, port, "it resolves to ");
      } else if (!namedForPort) {
        requireNotSelf(name, canonical, port, "it resolves to ");
      }
    }
    return List.of(found);
  }

  private void requireAllowed(String host, byte[] canonical, int port, String verb) {
    requireNotSelf(host, canonical, port, verb);
    Optional<Refusal> refusal = ReservedRanges.refusal(canonical);
    if (refusal.isPresent() && !policy.allows(canonical, port)) {
      String ports = policy.allowsOnSomePort(canonical) ? " (allowed on other ports, not " + port + ")" : "";
      throw new OutboundBlockedException("outbound request to " + host + " refused: " + verb
          + refusal.get().describe() + ports + HINT);
    }
  }

  // The gateway's own API and /metrics: an entry for every port of loopback is not enough.
  private void requireNotSelf(String host, byte[] canonical, int port, String verb) {
    if (self.reaches(canonical, port) && !policy.allowsExplicitly(canonical, port)) {
      throw new OutboundBlockedException("outbound request to " + host + " refused: " + verb
          + Addresses.format(canonical) + " on port " + port + ", where this gateway itself listens;"
          + " only an entry of " + OutboundPolicy.SETTING + " naming port " + port + " allows it");
    }
  }

  private void requireNotBaseUrl(String name, int port) {
    if (self.isBaseName(name, port) && !policy.allowsNameExplicitly(name, port)) {
      throw new OutboundBlockedException("outbound request to " + name + " refused: it is this gateway's"
          + " own base URL (port " + port + "); only an entry of " + OutboundPolicy.SETTING
          + " naming port " + port + " allows it");
    }
  }

  private URI normalized(URI uri, String scheme, HostText host, int port) {
    boolean defaultPort = port == -1 || port == (scheme.equals("http") ? 80 : 443);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String text = scheme + "://" + host.forUrl() + (defaultPort ? "" : ":" + port) + path
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    try {
      URI result = new URI(text);
      if (result.getHost() == null) {
        throw refused("'" + host.text() + "' is not a host name a URL can carry");
      }
      return result;
    } catch (URISyntaxException e) {
      throw refused("the URL is not valid (" + e.getReason() + ")");
    }
  }

  private static InetAddress inet(byte[] address) {
    try {
      return InetAddress.getByAddress(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("an address of " + address.length + " bytes", e);
    }
  }

  private static OutboundBlockedException refused(String reason) {
    return new OutboundBlockedException("outbound request refused: " + reason);
  }
}
