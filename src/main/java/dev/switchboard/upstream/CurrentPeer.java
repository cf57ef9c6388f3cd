package dev.switchboard.upstream;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The client an upstream call runs for, bound to the calling thread for the length of one MCP
 * request: the MCP surface binds it, the remote MCP client reads it when it sends a request, so the
 * tool-call path in between needs no new parameter. One instance is shared by both (built by the
 * composition root). Thread safe: each thread sees only its own binding.
 */
public final class CurrentPeer {
  private final ThreadLocal<ClientPeer> bound = new ThreadLocal<>();

  /** Runs {@code work} with {@code peer} bound, restoring what was bound before. */
  public <T> T with(ClientPeer peer, Supplier<T> work) {
    ClientPeer before = bound.get();
    bound.set(peer);
    try {
      return work.get();
    } finally {
      if (before == null) {
        bound.remove();
      } else {
        bound.set(before);
      }
    }
  }

  /** The peer bound to this thread, if any. */
  public Optional<ClientPeer> get() {
    return Optional.ofNullable(bound.get());
  }
}
