package dev.switchboard.account;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per account (email) and per client address in a sliding window, and
 * refuses further attempts once either count reaches its limit, before any password is checked.
 * The counts live in this instance's memory: several instances each allow the limit, and a
 * restart forgets them. A success clears the account's count (not the address's). Thread safe.
 */
public final class SignInThrottle {
  /**
   * The limits; a limit of 0 turns that check off.
   *
   * @param perAccount failures of one email within {@code window} before it is refused
   * @param perAddress failures from one client address within {@code window} before it is refused
   */
  public record Limits(int perAccount, int perAddress, Duration window) {
    public Limits {
      if (perAccount < 0 || perAddress < 0 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("sign-in limits must be 0 or more and the window positive");
      }
    }

    /** 10 failures per account and 50 per address in 15 minutes. */
    public static Limits defaults() {
      return new Limits(10, 50, Duration.ofMinutes(15));
    }
  }

  private static final int PRUNE_ABOVE = 10_000;
  private final Limits limits;
  private final Clock clock;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

  public SignInThrottle(Limits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** Throws {@link TooManyAttempts} when the account or the address has used up its failures. */
  void check(String account, String address) {
    long now = clock.millis();
    long wait = Math.max(waitMillis("account:" + account, limits.perAccount(), now),
        waitMillis("address:" + address, limits.perAddress(), now));
    if (wait > 0) {
      throw new TooManyAttempts(Duration.ofSeconds(Math.max(1, (wait + 999) / 1000)));
    }
  }

  void failed(String account, String address) {
    long now = clock.millis();
    if (failures.size() > PRUNE_ABOVE) {
      failures.entrySet().removeIf(e -> {
        synchronized (e.getValue()) {
          return e.getValue().isEmpty() || e.getValue().peekLast() <= now - limits.window().toMillis();
        }
      });
    }
    add("account:" + account, limits.perAccount(), now);
    add("address:" + address, limits.perAddress(), now);
  }

  void succeeded(String account) {
    failures.remove("account:" + account);
  }

  private void add(String key, int limit, long now) {
    if (limit == 0) {
      return;
    }
    Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(now);
      while (times.size() > limit) {
        times.removeFirst();
      }
    }
  }

  /** How long until the key may try again; 0 when it may now. */
  private long waitMillis(String key, int limit, long now) {
    Deque<Long> times = failures.get(key);
    if (limit == 0 || times == null) {
      return 0;
    }
    synchronized (times) {
      long windowStart = now - limits.window().toMillis();
      while (!times.isEmpty() && times.peekFirst() <= windowStart) {
        times.removeFirst();
      }
      return times.size() < limit ? 0 : times.peekFirst() - windowStart;
    }
  }
}
