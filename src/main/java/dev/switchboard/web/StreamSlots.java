package dev.switchboard.web;

import dev.switchboard.store.KeyedSlots;

/**
 * How many MCP notification streams one user may hold open on this instance (streamable GET,
 * {@code subscriptions/listen}, legacy SSE together): each holds a request open for as long as the
 * client stays, so without a limit one user's idle streams could take what other users need.
 * Thread safe.
 */
final class StreamSlots {
  private final KeyedSlots slots;

  /** {@code max} streams per user; zero or less: no limit. */
  StreamSlots(int max) {
    this.slots = new KeyedSlots(max);
  }

  /** Takes a stream slot of {@code userId}; false when the user holds the most allowed. */
  boolean take(String userId) {
    return slots.tryTake(userId);
  }

  void give(String userId) {
    slots.give(userId);
  }

  /** The refusal's message, naming the limit and its setting. */
  String refusal() {
    return "too many open streams for this user (limit " + slots.max()
        + ", SWITCHBOARD_MAX_STREAMS_PER_USER); close one before opening another";
  }
}
