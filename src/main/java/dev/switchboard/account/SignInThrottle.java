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
 * Each attempt is counted as a failure when it starts ({@link #reserve}) and refunded when it
 * succeeds, so a burst of parallel guesses gets no more password checks than the limit.
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

  /** An attempt counted in advance, as a failure at {@code at}, until it proves to be a success. */
  record Reservation(String account, String address, long at) {}

  /**
   * Counts an attempt of {@code account} from {@code address} as a failure now, before the password
   * is checked, so that parallel guesses cannot all pass the check while the first ones are still
   * being hashed; a success then {@linkplain #succeeded refunds} it. Throws {@link TooManyAttempts}
   * (and counts nothing) when the account or the address has used up its failures.
   */
  Reservation reserve(String account, String address) {
    long now = clock.millis();
    prune(now);
    String accountKey = "account:" + account;
    String addressKey = "address:" + address;
    long accountWait = take(accountKey, limits.perAccount(), now, true);
    if (accountWait > 0) {
      throw tooMany(Math.max(accountWait, take(addressKey, limits.perAddress(), now, false)));
    }
    long addressWait = take(addressKey, limits.perAddress(), now, true);
    if (addressWait > 0) {
      refund(accountKey, limits.perAccount(), now);
      throw tooMany(addressWait);
    }
    return new Reservation(account, address, now);
  }

  /** The password was right: the account's failures are cleared and the address's reservation refunded. */
  void succeeded(Reservation reservation) {
    failures.remove("account:" + reservation.account());
    refund("address:" + reservation.address(), limits.perAddress(), reservation.at());
  }

  /** The attempt could not be judged (the database failed, say): it does not count. */
  void abandoned(Reservation reservation) {
    refund("account:" + reservation.account(), limits.perAccount(), reservation.at());
    refund("address:" + reservation.address(), limits.perAddress(), reservation.at());
  }

  private void prune(long now) {
    if (failures.size() > PRUNE_ABOVE) {
      failures.entrySet().removeIf(e -> {
        synchronized (e.getValue()) {
          return e.getValue().isEmpty() || e.getValue().peekLast() <= now - limits.window().toMillis();
        }
      });
    }
  }

  private static TooManyAttempts tooMany(long waitMillis) {
    return new TooManyAttempts(Duration.ofSeconds(Math.max(1, (waitMillis + 999) / 1000)));
  }

  /**
   * How long {@code key} must wait (counting nothing), or 0 after counting one attempt under it
   * when {@code count} (when not, 0 only says it may try).
   */
  private long take(String key, int limit, long now, boolean count) {
    if (limit == 0 || !count && !failures.containsKey(key)) {
      return 0;
    }
    while (true) {
      Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (times) {
        if (failures.get(key) != times) {
          continue; // cleared by a success or pruned meanwhile: count in the map's current one
        }
        long wait = waitMillis(times, limit, now);
        if (wait == 0 && count) {
          times.addLast(now);
        }
        return wait;
      }
    }
  }

  private void refund(String key, int limit, long at) {
    Deque<Long> times = failures.get(key);
    if (limit == 0 || times == null) {
      return;
    }
    synchronized (times) {
      times.removeLastOccurrence(at);
    }
  }

  /** How long until the key may try again; 0 when it may now. Called holding {@code times}. */
  private long waitMillis(Deque<Long> times, int limit, long now) {
    long windowStart = now - limits.window().toMillis();
    while (!times.isEmpty() && times.peekFirst() <= windowStart) {
      times.removeFirst();
    }
    return times.size() < limit ? 0 : times.peekFirst() - windowStart;
  }
}
