package dev.switchboard.upstream.internal;

import dev.switchboard.upstream.HostResolver;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Builds and starts the one Jetty {@link HttpClient} for outbound calls. Every setting here is a
 * safety decision: the guard resolves addresses; no redirects, cookies or authentication retries
 * happen behind the caller's back (one client serves every user, so a cookie store would carry one
 * user's session into another's call); TLS verifies certificates and host names (Jetty's default).
 */
public final class JettyClients {
  private static final long CONNECT_TIMEOUT_MS = 10_000;
  private static final long IDLE_TIMEOUT_MS = 60_000;
  private static final long DESTINATION_IDLE_MS = 300_000;
  /**
   * Connections to one destination by default: four times Jetty's 64, so that the per-user and
   * provider call limit (16 by default) is a small share of it.
   */
  public static final int CONNECTIONS_PER_HOST = 256;

  private JettyClients() {}

  /**
   * A started client whose connections go only to addresses {@code hosts} returns. Its response
   * listeners may block (an MCP server's events are handed on as they arrive), so Jetty runs them
   * on a pool thread, not on the thread that reads the socket.
   *
   * @throws IllegalStateException when the client cannot start
   */
  public static HttpClient start(HostResolver hosts) {
    return start(hosts, InvocationType.BLOCKING);
  }

  /**
   * Like {@link #start(HostResolver)}, for a client whose every response listener only copies
   * bytes and completes a future ({@link CappedResponse}): Jetty runs them on the thread that read
   * the answer, which spares each call a hand-off to a pool thread and back (two context switches,
   * docs/benchmarks.md, "Issue 12, the night run").
   */
  public static HttpClient startNonBlocking(HostResolver hosts) {
    return start(hosts, InvocationType.NON_BLOCKING);
  }

  private static HttpClient start(HostResolver hosts, InvocationType listeners) {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("switchboard-outbound");
    threads.setDaemon(true);
    HttpClient client = new HttpClient();
    client.getHttpClientTransport().setInvocationType(listeners);
    client.setExecutor(threads);
    client.setSocketAddressResolver(new GuardedAddressResolver(hosts, threads));
    client.setFollowRedirects(false);
    client.setHttpCookieStore(new HttpCookieStore.Empty());
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "Switchboard"));
    client.setConnectTimeout(CONNECT_TIMEOUT_MS);
    client.setIdleTimeout(IDLE_TIMEOUT_MS);
    client.setDestinationIdleTimeout(DESTINATION_IDLE_MS);
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("the outbound HTTP client cannot start", e);
    }
    // Added by start(); without them a 401 or 3xx is handled inside Jetty instead of by the caller.
    client.getProtocolHandlers().remove(RedirectProtocolHandler.NAME);
    client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
    client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
    return client;
  }
}
