package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.HostResolver;
import dev.switchboard.upstream.UpstreamUnavailableException;
import dev.switchboard.upstream.UpstreamUnavailableException.Failure;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Jetty's address resolution, answered by the outbound guard: the client connects only to the
 * addresses the guard checked, so a second DNS answer cannot swap in a private address (DNS
 * rebinding), and the guard judges the port too (Jetty passes the scheme's default when the URL
 * names none). Jetty calls this once per new connection, not per request. Name lookups block, so
 * they run on the client's executor, never on a selector thread; the request's total timeout ends
 * the exchange if a lookup hangs.
 */
public final class GuardedAddressResolver implements SocketAddressResolver {
  private final HostResolver hosts;
  private final Executor executor;

  public GuardedAddressResolver(HostResolver hosts, Executor executor) {
    this.hosts = Objects.requireNonNull(hosts, "hosts");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  @Override
  public void resolve(String host, int port, Map<String, Object> context,
      Promise<List<InetSocketAddress>> promise) {
    try {
      executor.execute(() -> answer(host, port, promise));
    } catch (RejectedExecutionException e) {
      promise.failed(new UpstreamUnavailableException(Failure.CONNECT,
          "cannot connect to " + host + ": the outbound client is stopping"));
    }
  }

  private void answer(String host, int port, Promise<List<InetSocketAddress>> promise) {
    List<InetSocketAddress> addresses;
    try {
      List<InetAddress> allowed = hosts.resolve(host, port);
      addresses = new ArrayList<>(allowed.size());
      for (InetAddress address : allowed) {
        addresses.add(new InetSocketAddress(address, port));
      }
    } catch (RuntimeException e) {
      promise.failed(e);
      return;
    }
    promise.succeeded(addresses);
  }
}
