package dev.switchboard.provider;

import java.util.List;
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

  /** Applies a change to the catalog, e.g. {@code c -> c.add(provider)}. */
  public void update(UnaryOperator<Catalog> change) {
    current.updateAndGet(change);
  }
}
