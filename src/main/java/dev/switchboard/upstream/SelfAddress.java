package dev.switchboard.upstream;

import dev.switchboard.upstream.internal.Addresses;
import dev.switchboard.upstream.internal.Authority;
import dev.switchboard.upstream.internal.Cidr;
import dev.switchboard.upstream.internal.HostText;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Where this gateway listens, so that the outbound guard can refuse calls to it (its API,
 * {@code /metrics}, its MCP endpoints) even when loopback is allow-listed. A connection reaches
 * the gateway when it goes to the listening port and to a loopback or unspecified address
 * ({@code 127.0.0.0/8}, {@code ::1}, {@code 0.0.0.0/8}, {@code ::}), to the bound address, or —
 * when bound to all interfaces — to any address of this machine's interfaces (read when needed,
 * so that addresses that change are followed); or when it goes to the base URL's host and port,
 * which may be a reverse proxy in front of it. Immutable and thread safe.
 */
public final class SelfAddress {
  private static final List<Cidr> LOCAL = List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("0.0.0.0/8"),
      Cidr.parse("::1"), Cidr.parse("::"));
  private static final SelfAddress NONE = new SelfAddress(0, List.of(), false, null, 0);

  private final int port;
  private final List<byte[]> bound;
  private final boolean allInterfaces;
  private final HostText baseHost;
  private final int basePort;

  private SelfAddress(int port, List<byte[]> bound, boolean allInterfaces, HostText baseHost, int basePort) {
    this.port = port;
    this.bound = bound;
    this.allInterfaces = allInterfaces;
    this.baseHost = baseHost;
    this.basePort = basePort;
  }

  /** No gateway to protect (command-line tools, tests of the guard alone). */
  public static SelfAddress none() {
    return NONE;
  }

  /**
   * The gateway listening on {@code host} (an address or a name, resolved now) and {@code port}
   * (the real one), reachable from outside as {@code baseUrl}. Port 0 means not listening (the
   * command-line tools): {@link #none()}.
   */
  public static SelfAddress of(String host, int port, String baseUrl) {
    if (port == 0) {
      return NONE;
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the listening port must be between 1 and 65535, not " + port);
    }
    List<byte[]> bound = new ArrayList<>();
    for (InetAddress address : addressesOf(host)) {
      bound.add(Addresses.canonical(address.getAddress()));
    }
    boolean all = host.isBlank() || bound.stream().anyMatch(SelfAddress::unspecified);
    HostText baseHost = null;
    int basePort = 0;
    URI base = baseUri(baseUrl);
    if (base != null && base.getRawAuthority() != null && base.getScheme() != null) {
      try {
        Authority authority = Authority.parse(base.getRawAuthority());
        baseHost = HostText.parse(authority.host());
        basePort = authority.port() != -1 ? authority.port()
            : "https".equals(base.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
      } catch (IllegalArgumentException e) {
        baseHost = null; // the settings checked the base URL; a malformed one adds nothing here
      }
    }
    return new SelfAddress(port, List.copyOf(bound), all,
        baseHost == null || baseHost.kind() == HostText.Kind.INVALID ? null : baseHost, basePort);
  }

  /** The listening port, or 0 for {@link #none()}. */
  public int port() {
    return port;
  }

  /** Whether a connection to {@code canonical} (4 or 16 bytes) on {@code candidate} reaches the gateway. */
  boolean reaches(byte[] canonical, int candidate) {
    if (baseHost != null && baseHost.kind() == HostText.Kind.ADDRESS && candidate == basePort
        && Arrays.equals(baseHost.address(), canonical)) {
      return true;
    }
    if (port == 0 || candidate != port) {
      return false;
    }
    if (LOCAL.stream().anyMatch(range -> range.contains(canonical))
        || bound.stream().anyMatch(b -> Arrays.equals(b, canonical))) {
      return true;
    }
    return allInterfaces && machineHas(canonical);
  }

  /** Whether {@code name} (lower case, no trailing dot) on {@code candidate} is the base URL's host and port. */
  boolean isBaseName(String name, int candidate) {
    return baseHost != null && baseHost.kind() == HostText.Kind.NAME && candidate == basePort
        && baseHost.text().equals(name);
  }

  private static boolean machineHas(byte[] canonical) {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (Arrays.equals(Addresses.canonical(address.getAddress()), canonical)) {
            return true;
          }
        }
      }
      return false;
    } catch (SocketException | RuntimeException e) {
      return true; // cannot tell which addresses are ours: fail closed
    }
  }

  private static URI baseUri(String baseUrl) {
    try {
      return baseUrl == null ? null : new URI(baseUrl);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static List<InetAddress> addressesOf(String host) {
    if (host.isBlank()) {
      return List.of();
    }
    HostText parsed = HostText.parse(host);
    try {
      if (parsed.kind() == HostText.Kind.ADDRESS) {
        return List.of(InetAddress.getByAddress(parsed.address()));
      }
      return List.of(InetAddress.getAllByName(host));
    } catch (UnknownHostException e) {
      return List.of(); // the server cannot bind it either
    }
  }

  private static boolean unspecified(byte[] address) {
    for (byte b : address) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
