package dev.switchboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the REST routes and remembers each (method, path) so that a test can hold the served
 * OpenAPI document in step with them. Paths use Javalin's {@code {param}} syntax, as OpenAPI does.
 */
public final class ApiRoutes {
  /** One registered route. */
  public record Route(String method, String path) {}

  private final RoutesConfig routes;
  private final List<Route> registered = new ArrayList<>();

  ApiRoutes(RoutesConfig routes) {
    this.routes = routes;
  }

  void get(String path, Handler handler) {
    registered.add(new Route("get", path));
    routes.get(path, handler);
  }

  void post(String path, Handler handler) {
    registered.add(new Route("post", path));
    routes.post(path, handler);
  }

  void patch(String path, Handler handler) {
    registered.add(new Route("patch", path));
    routes.patch(path, handler);
  }

  void delete(String path, Handler handler) {
    registered.add(new Route("delete", path));
    routes.delete(path, handler);
  }

  List<Route> registered() {
    return List.copyOf(registered);
  }
}
