package dev.switchboard.web;

import dev.switchboard.account.Principal;
import dev.switchboard.connection.Connection;
import dev.switchboard.connection.Connections;
import dev.switchboard.connection.Profile;
import dev.switchboard.connection.Revocation;
import io.javalin.http.Context;
import java.util.List;

/**
 * Connections & Profiles over REST ({@code /api/v1/connections}), the same view as the dashboard
 * page: the caller's profiles with the connections using each; deleting one revokes the profile and
 * answers the bundles that lost the connection. Another user's id answers 404, like a missing one.
 */
final class ConnectionRoutes {
  record ConnectionView(String bundle, String bundleName, String readiness, String provider, String service,
      String account, String status) {}

  record ProfileView(String id, String name, String provider, String providerName, String authMethod,
      String service, String account, String status, boolean current, boolean partialGrant,
      List<String> missingScopes, List<ConnectionView> connections) {
    static ProfileView of(Profile p) {
      return new ProfileView(p.id(), p.name(), p.provider(), p.providerName(), p.authMethod().name(), p.service(),
          p.account(), p.status().name(), p.current(), p.partialGrant(), p.missingScopes().stream().sorted().toList(),
          p.connections().stream().map(c -> new ConnectionView(c.bundleSlug(), c.bundleName(), c.readiness().name(),
              p.provider(), p.service(), p.account(), p.status().name())).toList());
    }
  }

  record AffectedView(String slug, String name, String readiness) {
    static AffectedView of(Connection c) {
      return new AffectedView(c.bundleSlug(), c.bundleName(), c.readiness().name());
    }
  }

  record RevokedView(ProfileView revoked, List<AffectedView> bundlesAffected) {
    static RevokedView of(Revocation r) {
      return new RevokedView(ProfileView.of(r.profile()), r.affected().stream().map(AffectedView::of).toList());
    }
  }

  private final Connections connections;
  private final Authenticator auth;
  private final Json json;

  ConnectionRoutes(Connections connections, Authenticator auth, Json json) {
    this.connections = connections;
    this.auth = auth;
    this.json = json;
  }

  void register(ApiRoutes routes) {
    routes.get("/api/v1/connections", this::list);
    routes.get("/api/v1/connections/{id}", this::get);
    routes.delete("/api/v1/connections/{id}", this::revoke);
  }

  private void list(Context ctx) {
    Principal p = auth.require(ctx);
    json.write(ctx, 200, new Views.ItemsView<>(
        connections.list(p.userId()).stream().map(ProfileView::of).toList(), null));
  }

  private void get(Context ctx) {
    Principal p = auth.require(ctx);
    json.write(ctx, 200, ProfileView.of(connections.get(p.userId(), ctx.pathParam("id"))));
  }

  private void revoke(Context ctx) {
    Principal p = auth.require(ctx);
    json.write(ctx, 200, RevokedView.of(connections.revoke(p.userId(), ctx.pathParam("id"))));
  }
}
