package dev.switchboard.upstream;

import java.net.InetAddress;
import java.util.List;

/**
 * Resolves a host name for an outbound connection and returns only addresses the outbound policy
 * allows (DESIGN.md §9). Callers connect to one of the returned addresses, never to the name again,
 * so that a second DNS answer cannot swap in a private address.
 */
public interface HostResolver {
  /**
   * The addresses of {@code host} (a name or an address literal in any spelling) that are allowed
   * on {@code port}, the port the caller will connect to. The port matters: an allow-list entry may
   * name one port, and the gateway's own listening port is refused on its own addresses.
   *
   * @throws OutboundBlockedException when the host or port is malformed or any of the addresses is
   *     refused on that port (a name must not mix allowed and refused addresses)
   * @throws UpstreamUnavailableException when a name cannot be resolved (DNS failure): the
   *     upstream is unreachable, which is not a policy decision
   */
  List<InetAddress> resolve(String host, int port);
}
