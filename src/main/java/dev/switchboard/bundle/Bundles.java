package dev.switchboard.bundle;

import dev.switchboard.bundle.internal.BundleRows;
import dev.switchboard.credential.Availability;
import dev.switchboard.credential.Credential;
import dev.switchboard.credential.Credentials;
import dev.switchboard.credential.RemoteToolDirectory;
import dev.switchboard.credential.UserAccess;
import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.FieldErrors;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.store.Ids;
import dev.switchboard.store.UniqueViolation;
import dev.switchboard.tool.Tool;
import dev.switchboard.tool.ToolCatalog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Bundles (DESIGN.md §6): owners create and change them; anyone may see and enable a published one.
 * A bundle another user cannot see answers "not found", exactly like a missing one. A shared bundle
 * runs with each user's own credentials: their binding for the provider, else their current one.
 */
public final class Bundles {
  private final BundleRows rows;
  private final ToolCatalog tools;
  private final Credentials credentials;
  private final BundleRules rules;
  private final Clock clock;
  private final RemoteToolDirectory remote;
  private volatile Runnable onChange = () -> { };

  public Bundles(BundleRows rows, ToolCatalog tools, Credentials credentials, RemoteToolDirectory remote,
      Clock clock) {
    this.rows = rows;
    this.tools = tools;
    this.credentials = credentials;
    this.remote = remote;
    this.rules = new BundleRules(tools, remote);
    this.clock = clock;
  }

  /** Runs {@code action} after every change to a bundle, its publication, enablement or bindings. */
  public void onChange(Runnable action) {
    this.onChange = action;
  }

  private <T> T changed(T result) {
    onChange.run();
    return result;
  }

  public Bundle create(String userId, BundleChange change) {
    Bundle bundle = rules.created(Ids.next("bdl"), userId, change, clock.instant());
    try {
      return changed(rows.jdbi().inTransaction(h -> {
        if (rows.bySlug(h, bundle.slug()).isPresent()) {
          throw slugTaken(bundle.slug());
        }
        rows.insert(h, bundle);
        return bundle;
      }));
    } catch (RuntimeException e) {
      // another request took the slug between the check and the insert
      throw UniqueViolation.causedBy(e) ? slugTaken(bundle.slug()) : e;
    }
  }

  private static SwitchboardException slugTaken(String slug) {
    return SwitchboardException.conflict("slug_taken", "a bundle with slug '" + slug + "' exists");
  }

  public Bundle update(String userId, String slug, BundleChange change) {
    return changed(rows.jdbi().inTransaction(h -> {
      Bundle updated = rules.updated(owned(h, userId, slug), change, clock.instant());
      rows.update(h, updated);
      return updated;
    }));
  }

  public void delete(String userId, String slug) {
    rows.jdbi().useTransaction(h -> rows.delete(h, owned(h, userId, slug).id()));
    onChange.run();
  }

  /**
   * Takes a deleted provider's tools and bindings out of every bundle (whoever owns it). Answers the
   * slugs of the bundles that lost tools.
   */
  public List<String> dropProvider(String provider) {
    return changed(rows.jdbi().inTransaction(h -> rows.dropProvider(h, provider)));
  }

  public Bundle publish(String userId, String slug, Publication publication) {
    return changed(rows.jdbi().inTransaction(h -> {
      Bundle b = owned(h, userId, slug);
      Bundle changed = new Bundle(b.id(), b.slug(), b.ownerId(), b.name(), b.description(),
          b.category(), publication, b.mode(), b.tools(), b.features(), b.createdAt(), clock.instant());
      rows.update(h, changed);
      return changed;
    }));
  }

  public Bundle get(String userId, String slug) {
    return rows.jdbi().withHandle(h -> visible(h, userId, slug));
  }

  public List<Bundle> list(String userId) {
    return rows.jdbi().withHandle(h -> rows.visibleTo(h, userId));
  }

  public boolean enabled(String userId, String slug) {
    return rows.jdbi().withHandle(h -> rows.enabled(h, visible(h, userId, slug).id(), userId));
  }

  /**
   * Slugs of every bundle the user enabled, including those no longer available to them (see
   * {@link #availableEnabled} for what the hub serves).
   */
  public List<String> enabledSlugs(String userId) {
    return rows.jdbi().withHandle(h -> rows.enabledSlugs(h, userId));
  }

  /**
   * The bundles the user enabled and may still use, by slug: what the hub serves and what OAuth
   * scopes are computed from. An enablement whose bundle its owner archived or took back to draft
   * is skipped, never an error; it comes back if the owner publishes the bundle again.
   */
  public List<Bundle> availableEnabled(String userId) {
    return rows.jdbi().withHandle(h -> rows.enabledBundles(h, userId)).stream()
        .filter(b -> available(userId, b)).toList();
  }

  /**
   * Slugs of the user's enablements whose bundle is no longer available to them (archived, or
   * taken back to draft by its owner): the dashboard shows them so that they can be disabled.
   */
  public List<String> unavailableEnabledSlugs(String userId) {
    return rows.jdbi().withHandle(h -> rows.enabledBundles(h, userId)).stream()
        .filter(b -> !available(userId, b)).map(Bundle::slug).toList();
  }

  public Bundle enable(String userId, String slug) {
    return changed(rows.jdbi().inTransaction(h -> {
      Bundle b = visible(h, userId, slug);
      if (!b.publication().shared() && !b.ownedBy(userId)) {
        throw SwitchboardException.notFound("bundle");
      }
      if (b.publication() == Publication.ARCHIVED) {
        throw SwitchboardException.conflict("bundle_archived", "an archived bundle cannot be enabled");
      }
      rows.enable(h, b.id(), userId, clock.instant());
      return b;
    }));
  }

  /**
   * Removes the user's enablement. A bundle they can no longer see (its owner archived it or took
   * it back to draft) can still be disabled when they had enabled it; the answer then names only
   * the slug. Without an enablement such a bundle answers "not found", like a missing one.
   */
  public Disabled disable(String userId, String slug) {
    return changed(rows.jdbi().inTransaction(h -> {
      Optional<Bundle> found = rows.bySlug(h, slug);
      if (found.isPresent() && isVisible(found.get(), userId)) {
        rows.disable(h, found.get().id(), userId);
        return new Disabled(slug, found);
      }
      if (found.isEmpty() || !rows.enabled(h, found.get().id(), userId)) {
        throw SwitchboardException.notFound("bundle");
      }
      rows.disable(h, found.get().id(), userId);
      return new Disabled(slug, Optional.empty());
    }));
  }

  /** Binds one of the caller's credentials to a provider of the bundle (empty: use the current one). */
  public void bind(String userId, String slug, String provider, Optional<String> credentialId) {
    rows.jdbi().useTransaction(h -> {
      Bundle b = visible(h, userId, slug);
      if (credentialId.isPresent()) {
        Credential c = credentials.find(userId, credentialId.get())
            .orElseThrow(() -> new FieldErrors(Map.of("credential", "is not one of your credentials")));
        if (!c.provider().equals(provider)) {
          throw new FieldErrors(Map.of("credential", "belongs to " + c.provider() + ", not " + provider));
        }
      }
      rows.bind(h, b.id(), userId, provider, credentialId);
    });
    onChange.run();
  }

  public Map<String, String> bindings(String userId, String slug) {
    return rows.jdbi().withHandle(h -> rows.bindings(h, visible(h, userId, slug).id(), userId));
  }

  /** The bundle with each tool resolved for the user, for MCP and readiness. */
  public BundleView view(String userId, String slug) {
    return view(userId, get(userId, slug));
  }

  /** Like {@link #view(String, String)} for a bundle already read (saves reading it twice). */
  public BundleView view(String userId, Bundle bundle) {
    return view(userId, bundle, credentials.access(userId));
  }

  BundleView view(String userId, Bundle bundle, UserAccess access) {
    Map<String, String> bound = rows.jdbi().withHandle(h -> rows.bindings(h, bundle.id(), userId));
    List<ResolvedTool> resolved = new ArrayList<>();
    for (String name : bundle.tools()) {
      Optional<Tool> tool = tools.find(name);
      Optional<String> provider = tool.map(Tool::provider)
          .or(() -> remote.remoteProviderOf(name).map(p -> p.slug()));
      if (provider.isEmpty()) {
        continue;
      }
      Optional<Credential> credential = bound.containsKey(provider.get())
          ? credentials.find(userId, bound.get(provider.get()))
          : access.current(provider.get());
      if (tool.isEmpty()) {
        tool = Optional.of(credential.flatMap(c -> remote.find(c, name))
            .orElseGet(() -> RemotePlaceholder.of(name, provider.get())));
      }
      Availability availability = access.of(tool.get(), credential);
      resolved.add(new ResolvedTool(tool.get(), availability, credential));
    }
    return new BundleView(bundle, resolved);
  }

  /** Readiness for the caller: UNKNOWN unless they own or enabled the bundle. */
  public Readiness readiness(String userId, String slug) {
    Bundle bundle = get(userId, slug);
    BundleView view = view(userId, bundle, credentials.access(userId));
    boolean counted = bundle.ownedBy(userId)
        || rows.jdbi().withHandle(h -> rows.enabled(h, bundle.id(), userId));
    return ReadinessCalculator.of(view, counted);
  }

  /** Whether a user may use the bundle over MCP: its owner, or anyone who enabled a shared one. */
  public boolean usable(String userId, Bundle bundle) {
    if (bundle.ownedBy(userId)) {
      return available(userId, bundle);
    }
    return available(userId, bundle)
        && rows.jdbi().withHandle(h -> rows.enabled(h, bundle.id(), userId));
  }

  /** Whether an enabled bundle can serve the user: not archived if theirs, shared if someone else's. */
  private static boolean available(String userId, Bundle bundle) {
    return bundle.ownedBy(userId)
        ? bundle.publication() != Publication.ARCHIVED
        : bundle.publication().shared();
  }

  private static boolean isVisible(Bundle b, String userId) {
    return b.ownedBy(userId) || b.publication().shared();
  }

  private Bundle visible(Handle h, String userId, String slug) {
    return rows.bySlug(h, slug)
        .filter(b -> isVisible(b, userId))
        .orElseThrow(() -> SwitchboardException.notFound("bundle"));
  }

  private Bundle owned(Handle h, String userId, String slug) {
    Bundle b = visible(h, userId, slug);
    if (!b.ownedBy(userId)) {
      throw new SwitchboardException(ErrorKind.FORBIDDEN, "not_owner", "only the bundle's owner may change it");
    }
    return b;
  }
}
