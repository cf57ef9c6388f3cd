package dev.switchboard.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing and an opaque cursor for the next one (empty on the last page). The REST
 * edge renders it as {@code {"items": [...], "next": cursor-or-null}}.
 */
public record Page<T>(List<T> items, Optional<String> next) {
  public Page {
    items = List.copyOf(items);
  }
}
