package dev.switchboard.tool;

import dev.switchboard.provider.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The tools of API providers whose catalog entry names a curated OpenAPI document
 * ({@code "openapi": "catalog/openapi/github.yaml"}), imported once at start-up. A document that does
 * not import cleanly is a start-up error: the catalog ships with the build.
 */
public final class CuratedOpenApi implements ToolSource {
  @Override
  public List<Tool> tools(Provider provider) {
    if (provider.openapi() == null || provider.builtin() != null) {
      return List.of();
    }
    ImportReport report = OpenApiImport.importDocument(provider.slug(), read(provider.openapi()));
    if (!report.skipped().isEmpty()) {
      throw new IllegalStateException("the curated OpenAPI document of " + provider.slug()
          + " has operations that cannot be imported: " + report.skipped());
    }
    return report.tools();
  }

  private static String read(String resource) {
    try (InputStream in = CuratedOpenApi.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the catalog names " + resource + ", which is not in the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
