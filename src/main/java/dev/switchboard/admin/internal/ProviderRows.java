package dev.switchboard.admin.internal;

import dev.switchboard.tool.StoredTools;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** SQL of administrator-added providers and provider status changes. */
public final class ProviderRows {
  /**
   * One stored provider: its catalog JSON, whether it has an OpenAPI document (read it with
   * {@link #document}), the start and length of the tools its import made ({@code StoredTools} JSON,
   * null for rows stored before they were kept; read them with {@link #tools}), when an
   * administrator last stored it, and why its document could not be imported, if it could not.
   */
  public record Stored(String slug, String definition, boolean hasDocument, String toolsHead, long toolsLength,
      long updatedAt, String loadError) {
    public boolean hasTools() {
      return toolsHead != null;
    }
  }

  private final Jdbi jdbi;

  public ProviderRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void save(String slug, String definition, String openapi, String tools, String actor, Instant at) {
    jdbi.useTransaction(h -> {
      h.createUpdate("DELETE FROM custom_providers WHERE slug = :slug").bind("slug", slug).execute();
      h.createUpdate("INSERT INTO custom_providers (slug, definition, openapi, tools, tools_head, created_by, "
              + "updated_at) VALUES (:slug, :definition, :openapi, :tools, :head, :actor, :at)")
          .bind("slug", slug).bind("definition", definition).bind("openapi", openapi).bind("tools", tools)
          .bind("head", head(tools)).bind("actor", actor).bind("at", at.toEpochMilli()).execute();
    });
  }

  /** Deletes the provider's row and its status; false when there was none. */
  public boolean delete(String slug) {
    return jdbi.inTransaction(h -> {
      h.createUpdate("DELETE FROM provider_statuses WHERE slug = :slug").bind("slug", slug).execute();
      return h.createUpdate("DELETE FROM custom_providers WHERE slug = :slug").bind("slug", slug).execute() == 1;
    });
  }

  /**
   * Every stored provider, without the documents and the tools (read them with {@link #document}
   * and {@link #tools} when needed): start-up and the command line read only these few bytes a row.
   * Nothing here reads a document or the tools: SQLite loads a large value whole for {@code IS NOT
   * NULL}, {@code length} or {@code substr}, but answers {@code octet_length} from the row's header;
   * the tools' first characters are kept in their own column; and the small columns come first in
   * the row (V17), so none is reached through the large values' overflow pages (a catalog of 25
   * large descriptions: about 100 ms less for every command that lists providers). The tools'
   * length is therefore their size in bytes: at least their length in characters, which is all the
   * loaded-tools budget needs.
   */
  public List<Stored> all() {
    return jdbi.withHandle(h -> h.createQuery("SELECT slug, definition, octet_length(openapi) IS NOT NULL AS "
            + "has_document, tools_head, COALESCE(octet_length(tools), 0) AS tools_length, updated_at, "
            + "load_error FROM custom_providers ORDER BY slug")
        .map((rs, ctx) -> new Stored(rs.getString("slug"), rs.getString("definition"),
            rs.getBoolean("has_document"), rs.getString("tools_head"), rs.getLong("tools_length"),
            rs.getLong("updated_at"), rs.getString("load_error")))
        .list());
  }

  /** The stored tools of a provider ({@code StoredTools} JSON), or null. */
  public String tools(String slug) {
    return jdbi.withHandle(h -> h.createQuery("SELECT tools FROM custom_providers WHERE slug = :slug")
        .bind("slug", slug).mapTo(String.class).findOne().orElse(null));
  }

  /** The stored OpenAPI document of a provider, or null. */
  public String document(String slug) {
    return jdbi.withHandle(h -> h.createQuery("SELECT openapi FROM custom_providers WHERE slug = :slug")
        .bind("slug", slug).mapTo(String.class).findOne().orElse(null));
  }

  /**
   * Keeps what importing a row's document once gave: its tools, or why it failed. The time is left
   * alone, so that other instances do not take this for an administrator's change.
   */
  public void keepImport(String slug, String tools, String loadError) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE custom_providers SET tools = :tools, tools_head = :head, "
            + "load_error = :error WHERE slug = :slug")
        .bind("tools", tools).bind("head", head(tools)).bind("error", loadError).bind("slug", slug).execute());
  }

  /** What the {@code tools_head} column keeps of {@code tools}: its first characters, or null. */
  private static String head(String tools) {
    return tools == null ? null : tools.substring(0, Math.min(tools.length(), StoredTools.HEAD_LENGTH));
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

  /** What the health check last recorded of a provider. */
  public record Health(String slug, String status, String reason, Instant failingSince, Instant checkedAt) {}

  public Optional<Health> health(String slug) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM provider_health WHERE provider = :slug")
        .bind("slug", slug).map((rs, ctx) -> new Health(rs.getString("provider"), rs.getString("status"),
            rs.getString("reason"), Optional.ofNullable((Number) rs.getObject("failing_since"))
                .map(n -> Instant.ofEpochMilli(n.longValue())).orElse(null),
            Instant.ofEpochMilli(rs.getLong("checked_at")))).findOne());
  }

  public void saveHealth(Health health) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO provider_health (provider, status, reason, failing_since, "
            + "checked_at, changed_at) VALUES (:slug, :status, :reason, :since, :at, :at) "
            + "ON CONFLICT (provider) DO UPDATE SET status = excluded.status, reason = excluded.reason, "
            + "failing_since = excluded.failing_since, checked_at = excluded.checked_at, "
            + "changed_at = CASE WHEN provider_health.status = excluded.status THEN provider_health.changed_at "
            + "ELSE excluded.changed_at END")
        .bind("slug", health.slug()).bind("status", health.status()).bind("reason", health.reason())
        .bind("since", health.failingSince() == null ? null : health.failingSince().toEpochMilli())
        .bind("at", health.checkedAt().toEpochMilli()).execute());
  }

  /** Forgets what the health check recorded of a provider (an administrator set its status). */
  public void forgetHealth(String slug) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM provider_health WHERE provider = :slug").bind("slug", slug).execute());
  }

  /** The reasons of the providers the health check made INACTIVE: slug → reason. */
  public Map<String, String> healthReasons() {
    return jdbi.withHandle(h -> h.createQuery("SELECT provider, reason FROM provider_health "
            + "WHERE status = 'INACTIVE' AND reason IS NOT NULL")
        .map((rs, ctx) -> Map.entry(rs.getString("provider"), rs.getString("reason"))).list())
        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
