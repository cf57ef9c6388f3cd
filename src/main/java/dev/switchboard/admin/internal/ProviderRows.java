package dev.switchboard.admin.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** SQL of administrator-added providers and provider status changes. */
public final class ProviderRows {
  /** One stored provider: its catalog JSON and, for imported API providers, the OpenAPI document. */
  public record Stored(String slug, String definition, String openapi) {}

  private final Jdbi jdbi;

  public ProviderRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void save(String slug, String definition, String openapi, String actor, Instant at) {
    jdbi.useTransaction(h -> {
      h.createUpdate("DELETE FROM custom_providers WHERE slug = :slug").bind("slug", slug).execute();
      h.createUpdate("INSERT INTO custom_providers (slug, definition, openapi, created_by, updated_at) "
              + "VALUES (:slug, :definition, :openapi, :actor, :at)")
          .bind("slug", slug).bind("definition", definition).bind("openapi", openapi)
          .bind("actor", actor).bind("at", at.toEpochMilli()).execute();
    });
  }

  public boolean delete(String slug) {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM custom_providers WHERE slug = :slug")
        .bind("slug", slug).execute()) == 1;
  }

  public List<Stored> all() {
    return jdbi.withHandle(h -> h.createQuery("SELECT slug, definition, openapi FROM custom_providers ORDER BY slug")
        .map((rs, ctx) -> new Stored(rs.getString("slug"), rs.getString("definition"), rs.getString("openapi")))
        .list());
  }

  public void setStatus(String slug, String status, Instant at) {
    jdbi.useTransaction(h -> {
      h.createUpdate("DELETE FROM provider_statuses WHERE slug = :slug").bind("slug", slug).execute();
      h.createUpdate("INSERT INTO provider_statuses (slug, status, updated_at) VALUES (:slug, :status, :at)")
          .bind("slug", slug).bind("status", status).bind("at", at.toEpochMilli()).execute();
    });
  }

  public Map<String, String> statuses() {
    return jdbi.withHandle(h -> h.createQuery("SELECT slug, status FROM provider_statuses")
        .map((rs, ctx) -> Map.entry(rs.getString("slug"), rs.getString("status"))).list())
        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** A value that changes whenever either table changes, to notice other processes' edits. */
  public String version() {
    return jdbi.withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM custom_providers) || ':' "
            + "|| COALESCE((SELECT MAX(updated_at) FROM custom_providers), 0) || ':' "
            + "|| (SELECT COUNT(*) FROM provider_statuses) || ':' "
            + "|| COALESCE((SELECT MAX(updated_at) FROM provider_statuses), 0)")
        .mapTo(String.class).one());
  }
}
