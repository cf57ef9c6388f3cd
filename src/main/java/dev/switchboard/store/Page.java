package dev.switchboard.store;

import dev.switchboard.error.SwitchboardException;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;

/**
 * One page of a listing and an opaque cursor for the next one (empty on the last page). The REST
 * edge renders it as {@code {"items": [...], "next": cursor-or-null}}.
 */
public record Page<T>(List<T> items, Optional<String> next) {
  public Page {
    items = List.copyOf(items);
  }

  /**
   * The page from rows fetched with a limit one above {@code limit}: the extra row, when present,
   * only says that another page follows, whose cursor is made from the page's last row.
   */
  public static <T> Page<T> of(List<T> fetched, int limit, Function<T, Cursor> position) {
    if (fetched.size() <= limit) {
      return new Page<>(fetched, Optional.empty());
    }
    List<T> page = fetched.subList(0, limit);
    return new Page<>(page, Optional.of(position.apply(page.get(limit - 1)).encode()));
  }

  /** Checks a requested page size. */
  public static int checkLimit(int limit, int max) {
    if (limit < 1 || limit > max) {
      throw SwitchboardException.invalid("invalid_limit", "limit must be between 1 and " + max);
    }
    return limit;
  }
}
