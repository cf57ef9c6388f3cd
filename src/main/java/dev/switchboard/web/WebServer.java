package dev.switchboard.web;

import dev.switchboard.connection.Connections;
import dev.switchboard.mcp.ListChangedBroker;
import dev.switchboard.web.pages.Dashboard;
import io.javalin.Javalin;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.LoggerFactory;

/**
 * The HTTP edge: REST API, health endpoints and the OpenAPI document, on Javalin (Jetty 12). Only
 * this package imports Javalin. Start once, stop once.
 */
public final class WebServer implements AutoCloseable {
  /** Connections the kernel queues for accepting (the listen backlog; capped by net.core.somaxconn). */
  private static final int ACCEPT_QUEUE = 1024;
  private final Javalin app;
  private final List<ApiRoutes.Route> routes;
  private final ListChangedBroker broker;

  public WebServer(WebDependencies deps, String host, int port) {
    Json json = new Json(deps.json(), deps.maxBodyBytes());
    Authenticator auth = new Authenticator(deps.tokens(), deps.sessions());
    ApiRoutes[] holder = new ApiRoutes[1];
    McpGate gate = new McpGate(deps.tokens(), deps.authServer(), deps.baseUrl());
    StreamSlots streams = new StreamSlots(deps.maxStreamsPerUser());
    McpCors cors = new McpCors(gate);
    McpRoutes mcp = new McpRoutes(deps.mcp(), deps.broker(), gate, deps.json(), deps.maxBodyBytes(), streams);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.maxRequestSize = deps.maxBodyBytes();
      config.concurrency.useVirtualThreads = Runtime.version().feature() >= 21;
      // Javalin's own connector, with a deeper accept queue: the JDK's default of 50 drops the SYNs
      // of a burst of connections (a thousand clients at once), which then wait seconds to retry
      config.jetty.addConnector((server, http) -> {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setAcceptQueueSize(ACCEPT_QUEUE);
        return connector;
      });
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(2000);
        // Jetty's own answers (bad request line, URI too long, headers too large) in our JSON shape
        server.setErrorHandler(new JettyErrors());
        // Javalin puts its servlet context inside the innermost wrapper it finds here: bodies are
        // guarded, then the MCP endpoints' POSTs are served, then everything else goes to Javalin
        BodyGuard guard = new BodyGuard(deps.bodyTimeout(), deps.maxAnonymousBodies(),
            new KnownCallers(deps.tokens(), deps.sessions(), deps.authServer()));
        guard.setHandler(new McpPostHandler(mcp, cors, deps.json()));
        server.setHandler(guard);
      });
      ApiRoutes api = new ApiRoutes(config.routes);
      holder[0] = api;
      RequestLog.install(config.routes);
      ErrorHandlers.install(config.routes, json);
      new HealthRoutes(deps.readiness(), json, deps.metrics(), deps.metricsToken()).register(config.routes);
      new OpenApiRoute().register(config.routes);
      new SessionRoutes(deps.sessions(), deps.users(), deps.accounts(), auth, json, deps.secureCookies(),
          (int) Math.min(Integer.MAX_VALUE, deps.sessionTtl().toSeconds())).register(api);
      new TokenRoutes(deps.tokens(), auth, json).register(api);
      new ProviderRoutes(deps.catalog(), deps.credentials(), auth, json).register(api);
      new CredentialRoutes(deps.catalog(), deps.credentials(), deps.creation(), deps.verifier(), auth, json).register(api);
      new ToolRoutes(deps.tools(), deps.remoteTools(), deps.credentials(), deps.bundles(), auth, json).register(api);
      new BundleRoutes(deps.bundles(), deps.attention(), auth, json, deps.baseUrl()).register(api);
      new ActivityRoutes(deps.executions(), deps.notifications(), deps.audit(), auth, json).register(api);
      new AdminRoutes(deps.providerAdmin(), deps.users(), deps.accounts(), auth, json).register(api);
      new ConnectionRoutes(new Connections(deps.credentials(), deps.bundles(), deps.catalog(),
          deps.oauth().requestedScopes()), auth, json).register(api);
      new OAuthRoutes(deps.oauth(), deps.oauthApps(), deps.refresher(), deps.credentials(), auth, json)
          .register(api, config.routes);
      new AuthorizationServerRoutes(deps.authServer(), gate, deps.json(), deps.authServer().clock()).register(config.routes);
      cors.register(config.routes);
      mcp.register(config.routes);
      new LegacySseRoutes(deps.mcp(), deps.broker(), gate, deps.json(), deps.maxBodyBytes(), streams)
          .register(config.routes);
      new ProtectedResourceRoutes(deps.json(), gate).register(config.routes);
      new Dashboard(deps).register(config);
    });
    this.routes = holder[0].registered();
    this.broker = deps.broker();
  }

  public WebServer start() {
    app.start();
    return this;
  }

  /** The port actually bound (useful when 0 was asked for). */
  public int port() {
    return app.port();
  }

  /** The REST routes served, for the test that keeps the OpenAPI document in step. */
  public List<ApiRoutes.Route> apiRoutes() {
    return routes;
  }

  private void waitForStreamsToEnd() {
    long until = System.nanoTime() + 1_000_000_000L;
    while (broker.openStreams() > 0 && System.nanoTime() < until) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    broker.closeAll();
    waitForStreamsToEnd();
    try {
      app.stop();
    } catch (RuntimeException e) {
      if (!(e.getCause() instanceof TimeoutException)) {
        throw e;
      }
      // Jetty waited its grace period for a connection a client kept open, then stopped anyway.
      LoggerFactory.getLogger(WebServer.class)
          .warn("stopped after the grace period with client connections still open");
    }
  }
}
