package dev.switchboard.tool.internal;

import dev.switchboard.tool.HttpOperation;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names the arguments of one tool. A parameter's argument name is its wire name when that is a
 * valid property name for MCP clients ({@code [A-Za-z0-9_.-]{1,64}}) and not taken yet; otherwise
 * the wire name with other characters replaced by {@code _}, then suffixed with its location
 * ({@code id_query}) and a number ({@code id_query_2}) until it is free. Not thread-safe.
 */
final class ArgumentNames {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final int MAX_LENGTH = 64;

  private final Set<String> taken = new HashSet<>();

  /** Takes {@code name} (the request body's {@code body}) before any parameter is named. */
  void reserve(String name) {
    taken.add(name);
  }

  String pick(String wireName, HttpOperation.In in) {
    String base = VALID.matcher(wireName).matches() ? wireName : sanitize(wireName);
    String candidate = base;
    String location = "_" + in.name().toLowerCase(Locale.ROOT);
    for (int n = 1; taken.contains(candidate); n++) {
      candidate = withSuffix(base, n == 1 ? location : location + "_" + n);
    }
    taken.add(candidate);
    return candidate;
  }

  private static String sanitize(String wireName) {
    String name = wireName.replaceAll("[^A-Za-z0-9_.-]+", "_").replaceAll("^_+|_+$", "");
    return withSuffix(name.isEmpty() ? "param" : name, "");
  }

  private static String withSuffix(String base, String suffix) {
    return base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
  }
}
