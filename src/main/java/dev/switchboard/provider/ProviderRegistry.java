package dev.switchboard.provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The live provider catalog: the shipped {@link Catalog} plus what administrators added or changed
 * at run time (imported providers, statuses). Reads see an immutable snapshot; changes swap it
 * atomically. Thread safe.
 */
public final class ProviderRegistry {
  private final AtomicReference<Catalog> current;
  private final AtomicReference<Map<String, String>> reasons = new AtomicReference<>(Map.of());

  public ProviderRegistry(Catalog initial) {
    this.current = new AtomicReference<>(initial);
  }

  /** The catalog as it is now. */
  public Catalog snapshot() {
    return current.get();
  }

  public List<Provider> all() {
    return current.get().all();
  }

  public Optional<Provider> find(String slug) {
    return current.get().find(slug);
  }

  public Provider require(String slug) {
    return current.get().require(slug);
  }

  public List<Provider> search(Optional<Category> category, String query) {
    return current.get().search(category, query);
  }

  /**
   * Why a provider has its status, when Switchboard set it (the health check: "unreachable since
   * …"); empty for a status an administrator set.
   */
  public Optional<String> statusReason(String slug) {
    return Optional.ofNullable(reasons.get().get(slug));
  }

  /** Replaces every status reason (slug → reason). */
  public void statusReasons(Map<String, String> bySlug) {
    reasons.set(Map.copyOf(bySlug));
  }

  /** Applies a change to the catalog, e.g. {@code c -> c.add(provider)}. */
  public void update(UnaryOperator<Catalog> change) {
    current.updateAndGet(change);
  }
}
