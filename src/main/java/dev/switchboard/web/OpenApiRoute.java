package dev.switchboard.web;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the REST API's OpenAPI 3.1 document, kept in {@code resources/api/openapi.json}. */
final class OpenApiRoute {
  static final String RESOURCE = "/api/openapi.json";
  private final byte[] document;

  OpenApiRoute() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the OpenAPI document is missing from the build");
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(document));
  }
}
