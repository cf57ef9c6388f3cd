package dev.switchboard.credential;

import dev.switchboard.error.ErrorKind;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.store.KeyedSlots;

/**
 * How many tool calls one user may have in flight, in all and to one provider, so that one user's
 * slow or hanging upstream cannot take the threads and upstream connections everyone shares
 * (issue 12). The per-provider limit also bounds one user's share of a destination's connections.
 * A call over a limit is refused at once with {@link ErrorKind#TOO_MANY_REQUESTS} and a message
 * naming the limit and its setting. Zero or less means no limit. Thread safe.
 */
public final class CallLimits {
  /** No limits (tests and tools that run one call at a time). */
  public static final CallLimits NONE = new CallLimits(0, 0);

  private final KeyedSlots perUser;
  private final KeyedSlots perProvider;

  public CallLimits(int perUser, int perUserAndProvider) {
    this.perUser = new KeyedSlots(perUser);
    this.perProvider = new KeyedSlots(perUserAndProvider);
  }

  /** A taken slot; closing it gives the slot back. */
  public interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Takes a slot for a call of {@code userId} to {@code provider}.
   *
   * @throws SwitchboardException {@code too_many_calls} when either limit is reached
   */
  public Slot take(String userId, String provider) {
    if (!perUser.tryTake(userId)) {
      throw refused("too many tool calls in flight for this user (limit " + perUser.max()
          + ", SWITCHBOARD_MAX_CALLS_PER_USER); wait for some to finish and try again");
    }
    String key = userId + "\n" + provider;
    if (!perProvider.tryTake(key)) {
      perUser.give(userId);
      throw refused("too many tool calls in flight for this user to " + provider + " (limit "
          + perProvider.max() + ", SWITCHBOARD_MAX_CALLS_PER_USER_PROVIDER); wait for some to finish and try again");
    }
    return () -> {
      perProvider.give(key);
      perUser.give(userId);
    };
  }

  private static SwitchboardException refused(String message) {
    return new SwitchboardException(ErrorKind.TOO_MANY_REQUESTS, "too_many_calls", message);
  }
}
