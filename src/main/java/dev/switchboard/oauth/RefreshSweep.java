package dev.switchboard.oauth;

import dev.switchboard.credential.Credential;
import dev.switchboard.credential.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The background refresh (DESIGN.md §5): every token expiring within the window is refreshed,
 * in batches; each through {@link TokenRefresher}, so a sweep running on several instances still
 * makes one token request per credential.
 */
public final class RefreshSweep {
  private static final int BATCH = 200;
  private final TokenStore store;
  private final TokenRefresher refresher;
  private final Clock clock;
  private final Duration window;

  public RefreshSweep(TokenStore store, TokenRefresher refresher, Clock clock, Duration window) {
    this.store = store;
    this.refresher = refresher;
    this.clock = clock;
    this.window = window;
  }

  /** Refreshes what is due; returns how many refreshes were made. */
  public int run() {
    int refreshed = 0;
    Set<String> tried = new HashSet<>();
    while (true) {
      List<Credential> due = store.due(clock.instant().plus(window), BATCH).stream()
          .filter(c -> !tried.contains(c.id())).toList();
      if (due.isEmpty()) {
        return refreshed;
      }
      for (Credential c : due) {
        tried.add(c.id());
        if (refresher.refresh(c, window) == TokenRefresher.Result.REFRESHED) {
          refreshed++;
        }
      }
    }
  }
}
