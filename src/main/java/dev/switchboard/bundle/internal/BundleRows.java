package dev.switchboard.bundle.internal;

import dev.switchboard.bundle.Bundle;
import dev.switchboard.bundle.BundleFeatures;
import dev.switchboard.bundle.BundleMode;
import dev.switchboard.bundle.Publication;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL of bundles, their tools, enablements and bindings. */
public final class BundleRows {
  private final Jdbi jdbi;

  public BundleRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public void insert(Handle h, Bundle b) {
    h.createUpdate("INSERT INTO bundles (id, slug, owner_id, name, description, category, "
            + "publication, mode, features, created_at, updated_at) VALUES (:id, :slug, :owner, :name, "
            + ":description, :category, :publication, :mode, :features, :at, :at)")
        .bind("id", b.id()).bind("slug", b.slug()).bind("owner", b.ownerId()).bind("name", b.name())
        .bind("description", b.description()).bind("category", b.category())
        .bind("publication", b.publication().name()).bind("mode", b.mode().name())
        .bind("features", b.features().column()).bind("at", b.createdAt().toEpochMilli()).execute();
    replaceTools(h, b.id(), b.tools());
  }

  public void update(Handle h, Bundle b) {
    h.createUpdate("UPDATE bundles SET name = :name, description = :description, category = "
            + ":category, publication = :publication, mode = :mode, features = :features, updated_at = :at "
            + "WHERE id = :id")
        .bind("id", b.id()).bind("name", b.name()).bind("description", b.description())
        .bind("category", b.category()).bind("publication", b.publication().name())
        .bind("mode", b.mode().name()).bind("features", b.features().column())
        .bind("at", b.updatedAt().toEpochMilli()).execute();
    replaceTools(h, b.id(), b.tools());
  }

  private static void replaceTools(Handle h, String bundleId, List<String> tools) {
    h.createUpdate("DELETE FROM bundle_tools WHERE bundle_id = :id").bind("id", bundleId).execute();
    var batch = h.prepareBatch("INSERT INTO bundle_tools (bundle_id, tool, position) VALUES (:id, :tool, :pos)");
    for (int i = 0; i < tools.size(); i++) {
      batch.bind("id", bundleId).bind("tool", tools.get(i)).bind("pos", i).add();
    }
    if (!tools.isEmpty()) {
      batch.execute();
    }
  }

  public void delete(Handle h, String id) {
    h.createUpdate("DELETE FROM bundles WHERE id = :id").bind("id", id).execute();
  }

  public Optional<Bundle> bySlug(Handle h, String slug) {
    return h.createQuery("SELECT * FROM bundles WHERE slug = :slug").bind("slug", slug)
        .map((rs, ctx) -> rs.getString("id")).findOne().flatMap(id -> byId(h, id));
  }

  private Optional<Bundle> byId(Handle h, String id) {
    List<String> tools = h.createQuery("SELECT tool FROM bundle_tools WHERE bundle_id = :id ORDER BY position")
        .bind("id", id).mapTo(String.class).list();
    return h.createQuery("SELECT * FROM bundles WHERE id = :id").bind("id", id)
        .map((rs, ctx) -> new Bundle(rs.getString("id"), rs.getString("slug"), rs.getString("owner_id"),
            rs.getString("name"), rs.getString("description"), rs.getString("category"),
            Publication.valueOf(rs.getString("publication")), BundleMode.valueOf(rs.getString("mode")),
            tools, BundleFeatures.ofColumn(rs.getString("features")), Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at"))))
        .findOne();
  }

  /** Bundles the user owns or that are shared, by slug. */
  public List<Bundle> visibleTo(Handle h, String userId) {
    return h.createQuery("SELECT id FROM bundles WHERE owner_id = :user "
            + "OR publication IN ('PUBLISHED', 'DEPRECATED') ORDER BY slug")
        .bind("user", userId).mapTo(String.class).list().stream()
        .map(id -> byId(h, id).orElseThrow()).toList();
  }

  /** Slugs of the bundles the user enabled. */
  public List<String> enabledSlugs(Handle h, String userId) {
    return h.createQuery("SELECT b.slug FROM bundle_enablements e JOIN bundles b ON b.id = e.bundle_id "
            + "WHERE e.user_id = :user ORDER BY b.slug")
        .bind("user", userId).mapTo(String.class).list();
  }

  /** The bundles the user enabled, whatever their publication now, by slug. */
  public List<Bundle> enabledBundles(Handle h, String userId) {
    return h.createQuery("SELECT b.id FROM bundle_enablements e JOIN bundles b ON b.id = e.bundle_id "
            + "WHERE e.user_id = :user ORDER BY b.slug")
        .bind("user", userId).mapTo(String.class).list().stream()
        .map(id -> byId(h, id)).flatMap(Optional::stream).toList();
  }

  public boolean enabled(Handle h, String bundleId, String userId) {
    return h.createQuery("SELECT COUNT(*) FROM bundle_enablements WHERE bundle_id = :b AND user_id = :u")
        .bind("b", bundleId).bind("u", userId).mapTo(Integer.class).one() > 0;
  }

  public void enable(Handle h, String bundleId, String userId, Instant at) {
    if (!enabled(h, bundleId, userId)) {
      h.createUpdate("INSERT INTO bundle_enablements (bundle_id, user_id, enabled_at) VALUES (:b, :u, :at)")
          .bind("b", bundleId).bind("u", userId).bind("at", at.toEpochMilli()).execute();
    }
  }

  public void disable(Handle h, String bundleId, String userId) {
    h.createUpdate("DELETE FROM bundle_enablements WHERE bundle_id = :b AND user_id = :u")
        .bind("b", bundleId).bind("u", userId).execute();
  }

  /** The readiness last seen per bundle by the user (bundles they enabled or own). */
  public Map<String, String> lastStatuses(Handle h, String userId) {
    Map<String, String> out = new HashMap<>();
    h.createQuery("SELECT bundle_id, status FROM bundle_statuses_seen WHERE user_id = :u")
        .bind("u", userId)
        .map((rs, ctx) -> Map.entry(rs.getString("bundle_id"), rs.getString("status")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  public void setLastStatus(Handle h, String bundleId, String userId, String status) {
    h.createUpdate("INSERT INTO bundle_statuses_seen (bundle_id, user_id, status) VALUES (:b, :u, :s) "
            + "ON CONFLICT (bundle_id, user_id) DO UPDATE SET status = excluded.status")
        .bind("s", status).bind("b", bundleId).bind("u", userId).execute();
  }

  /** The user's bindings of one bundle: provider → credential id. */
  public Map<String, String> bindings(Handle h, String bundleId, String userId) {
    Map<String, String> out = new HashMap<>();
    h.createQuery("SELECT provider, credential_id FROM bundle_bindings WHERE bundle_id = :b AND user_id = :u")
        .bind("b", bundleId).bind("u", userId)
        .map((rs, ctx) -> Map.entry(rs.getString("provider"), rs.getString("credential_id")))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  public void bind(Handle h, String bundleId, String userId, String provider, Optional<String> credentialId) {
    h.createUpdate("DELETE FROM bundle_bindings WHERE bundle_id = :b AND user_id = :u AND provider = :p")
        .bind("b", bundleId).bind("u", userId).bind("p", provider).execute();
    credentialId.ifPresent(id -> h.createUpdate("INSERT INTO bundle_bindings (bundle_id, user_id, "
            + "provider, credential_id) VALUES (:b, :u, :p, :c)")
        .bind("b", bundleId).bind("u", userId).bind("p", provider).bind("c", id).execute());
  }

  /**
   * Removes a deleted provider's tools ({@code provider_…}; slugs hold no underscore, so the prefix
   * names that provider only) and bindings from every bundle. Answers the slugs of the bundles changed.
   */
  public List<String> dropProvider(Handle h, String provider) {
    String prefix = provider + "_";
    List<String> changed = h.createQuery("SELECT DISTINCT b.slug FROM bundle_tools t JOIN bundles b ON b.id = t.bundle_id "
            + "WHERE substr(t.tool, 1, :n) = :prefix ORDER BY b.slug")
        .bind("n", prefix.length()).bind("prefix", prefix).mapTo(String.class).list();
    h.createUpdate("DELETE FROM bundle_tools WHERE substr(tool, 1, :n) = :prefix")
        .bind("n", prefix.length()).bind("prefix", prefix).execute();
    h.createUpdate("DELETE FROM bundle_bindings WHERE provider = :p").bind("p", provider).execute();
    return changed;
  }

  /** Users who bound a credential, so that its deletion can be told to them. */
  public List<String> bundlesUsingCredential(Handle h, String userId, String credentialId) {
    return h.createQuery("SELECT b.slug FROM bundle_bindings bb JOIN bundles b ON b.id = bb.bundle_id "
            + "WHERE bb.user_id = :u AND bb.credential_id = :c ORDER BY b.slug")
        .bind("u", userId).bind("c", credentialId).mapTo(String.class).list();
  }
}
