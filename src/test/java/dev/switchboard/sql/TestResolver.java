package dev.switchboard.sql;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.upstream.HostResolver;
import dev.switchboard.upstream.OutboundBlockedException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbound guard as tests configure it: loopback literals are allow-listed, a few names map
 * to fixed addresses (no DNS), names ending in {@code .nxdomain} fail to resolve, everything else
 * is refused like a private address would be.
 */
final class TestResolver implements HostResolver {
  private final Map<String, String> names = new HashMap<>();

  static TestResolver loopbackOnly() {
    return new TestResolver();
  }

  /** Lets {@code name} resolve to {@code address} (an IP literal). */
  TestResolver with(String name, String address) {
    names.put(name, address);
    return this;
  }

  @Override
  public List<InetAddress> resolve(String host, int port) {
    if (host.endsWith(".nxdomain")) {
      throw new SwitchboardException(ErrorKind.UPSTREAM_UNAVAILABLE, "upstream_unreachable",
          host + " could not be resolved");
    }
    String literal = names.getOrDefault(host, host);
    if (!literal.equals("127.0.0.1") && !literal.equals("::1")) {
      throw new OutboundBlockedException("outbound connection to " + host + " refused: it is not "
          + "allow-listed (set SWITCHBOARD_OUTBOUND_ALLOW to allow it)");
    }
    try {
      return List.of(InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
