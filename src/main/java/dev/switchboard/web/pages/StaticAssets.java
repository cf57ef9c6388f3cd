package dev.switchboard.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The dashboard's few static files (its CSS and scripts, and htmx from its webjar), read from the
 * class path once at start and served from memory. Serving them this way, rather than through
 * Javalin's static-file handlers, keeps start-up from opening the whole jar as a file system.
 */
final class StaticAssets {
  static final String HTMX = "/webjars/htmx.org/2.0.10/dist/htmx.min.js";
  private static final Map<String, String> FILES = Map.of(
      "/static/app.css", "dashboard/app.css",
      "/static/app.js", "dashboard/app.js",
      "/static/oauth-done.js", "dashboard/oauth-done.js",
      HTMX, "META-INF/resources/webjars/htmx.org/2.0.10/dist/htmx.min.js");
  private final Map<String, byte[]> bytes;

  StaticAssets() {
    HashMap<String, byte[]> read = new HashMap<>();
    FILES.forEach((path, resource) -> read.put(path, load(resource)));
    this.bytes = Map.copyOf(read);
  }

  void register(RoutesConfig routes) {
    bytes.keySet().forEach(path -> routes.get(path, this::serve));
  }

  private void serve(Context ctx) {
    byte[] body = bytes.get(ctx.path());
    if (body == null) {
      throw new NotFoundResponse();
    }
    ctx.header("Cache-Control", "max-age=300");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.contentType(ctx.path().endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
    ctx.result(body);
  }

  private static byte[] load(String resource) {
    try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class path resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
