package dev.switchboard.tool;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MCP tool names: {@code {provider}_{snake_case_name}}, at most {@value #MAX_LENGTH} characters of
 * {@code [A-Za-z0-9_-]} (DESIGN.md §6). A name that would be longer is shortened readably first
 * ({@link #shortened}: filler words dropped, long words abbreviated, repeated words dropped); only when
 * that is not enough is it cut and ended with {@code _} and 8 hex digits of the SHA-256 of the full
 * name, so long names stay distinct and the same input always gives the same name. Names that fit are
 * never changed. Stateless and thread-safe.
 */
public final class ToolNames {
  /** The longest tool name MCP clients accept. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern PROVIDER = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final int HASH_LENGTH = 8;
  private static final Set<String> FILLERS = Set.of("a", "an", "the", "for", "to", "from", "in", "of", "on", "by",
      "with", "and", "or", "at", "into", "via");
  private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("organization", "org"),
      Map.entry("organizations", "orgs"), Map.entry("repository", "repo"), Map.entry("repositories", "repos"),
      Map.entry("authenticated", "auth"), Map.entry("authentication", "auth"), Map.entry("configuration", "config"),
      Map.entry("configurations", "configs"), Map.entry("environment", "env"), Map.entry("environments", "envs"),
      Map.entry("application", "app"), Map.entry("applications", "apps"), Map.entry("information", "info"),
      Map.entry("administrator", "admin"), Map.entry("administrators", "admins"), Map.entry("permissions", "perms"),
      Map.entry("permission", "perm"), Map.entry("definition", "def"), Map.entry("definitions", "defs"), Map.entry("description", "desc"),
      Map.entry("attachment", "attach"), Map.entry("notification", "notif"), Map.entry("notifications", "notifs"),
      Map.entry("subscription", "sub"), Map.entry("subscriptions", "subs"), Map.entry("integration", "integ"),
      Map.entry("deployment", "deploy"), Map.entry("deployments", "deploys"), Map.entry("message", "msg"),
      Map.entry("messages", "msgs"), Map.entry("properties", "props"),
      Map.entry("property", "prop"), Map.entry("vulnerability", "vuln"), Map.entry("vulnerabilities", "vulns"),
      Map.entry("installation", "install"), Map.entry("installations", "installs"), Map.entry("collaborator",
      "collab"), Map.entry("collaborators", "collabs"), Map.entry("statistics", "stats"), Map.entry("parameters",
      "params"), Map.entry("parameter", "param"), Map.entry("account", "acct"), Map.entry("accounts", "accts"),
      Map.entry("conversation", "conv"), Map.entry("conversations", "convs"), Map.entry("version", "ver"),
      Map.entry("versions", "vers"), Map.entry("reference", "ref"), Map.entry("references", "refs"));

  private ToolNames() {}

  /**
   * {@code raw} in snake case: ASCII letters and digits kept and lower-cased, a word break before an
   * upper-case letter that starts a word ({@code listRepos} → {@code list_repos}, {@code HTTPServer}
   * → {@code http_server}), every other character a separator, runs of separators one {@code _}, none
   * at either end; {@code tool} when nothing is left.
   */
  public static String snakeCase(String raw) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!isAsciiLetterOrDigit(c)) {
        out.append('_');
        continue;
      }
      if (Character.isUpperCase(c) && i > 0 && startsWord(raw, i)) {
        out.append('_');
      }
      out.append(Character.toLowerCase(c));
    }
    String snake = out.toString().replaceAll("_+", "_").replaceAll("^_|_$", "");
    return snake.isEmpty() ? "tool" : snake;
  }

  /**
   * The tool name for {@code raw} (an operation id, {@code "get /repos/{owner}"}, an upstream MCP
   * tool name …) of {@code provider}.
   *
   * @param provider the provider slug, 1–40 characters of {@code [A-Za-z0-9_-]}
   * @throws IllegalArgumentException when the slug is not one
   */
  public static String of(String provider, String raw) {
    if (provider == null || !PROVIDER.matcher(provider).matches()) {
      throw new IllegalArgumentException("provider slug must be 1-40 characters of [A-Za-z0-9_-]");
    }
    return capped(provider, snakeCase(raw));
  }

  /**
   * Names for {@code raws} in the given order, all distinct: the first of equal names keeps it, the
   * next ones get {@code _2}, {@code _3}, … (skipping numbers already taken). Callers pass the raws
   * in a stable order (the OpenAPI import sorts operations by path and method) so that the result
   * is stable too.
   */
  public static List<String> unique(String provider, List<String> raws) {
    Set<String> taken = new HashSet<>();
    List<String> names = new ArrayList<>(raws.size());
    for (String raw : raws) {
      String name = of(provider, raw);
      for (int n = 2; !taken.add(name); n++) {
        name = of(provider, snakeCase(raw) + "_" + n);
      }
      names.add(name);
    }
    return names;
  }

  private static String capped(String provider, String snake) {
    String name = provider + "_" + snake;
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    String shorter = provider + "_" + shortened(snake, MAX_LENGTH - provider.length() - 1);
    if (shorter.length() <= MAX_LENGTH) {
      return shorter;
    }
    String head = name.substring(0, MAX_LENGTH - HASH_LENGTH - 1).replaceAll("_+$", "");
    return head + "_" + sha256(name).substring(0, HASH_LENGTH);
  }

  /**
   * {@code snake} (a snake-case name) made shorter step by step, stopping as soon as it is at most
   * {@code max} characters long: filler words ({@code for}, {@code to}, {@code in} …) dropped, then long words abbreviated
   * ({@code organization} → {@code org}, {@code repository} → {@code repo} …), then words already used
   * earlier in the name dropped ({@code actions_get_actions_cache} → {@code actions_get_cache}). The
   * first word is always kept.
   */
  static String shortened(String snake, int max) {
    List<String> words = new ArrayList<>(List.of(snake.split("_")));
    int keep = 1;
    for (int i = words.size() - 1; i >= keep && length(words) > max; i--) {
      if (FILLERS.contains(words.get(i))) {
        words.remove(i);
      }
    }
    for (int i = keep; i < words.size() && length(words) > max; i++) {
      words.set(i, ABBREVIATIONS.getOrDefault(words.get(i), words.get(i)));
    }
    for (int i = words.size() - 1; i >= keep && length(words) > max; i--) {
      if (words.subList(0, i).contains(words.get(i))) {
        words.remove(i);
      }
    }
    return String.join("_", words);
  }

  private static int length(List<String> words) {
    return String.join("_", words).length();
  }

  private static boolean startsWord(String raw, int i) {
    char previous = raw.charAt(i - 1);
    boolean nextIsLower = i + 1 < raw.length() && Character.isLowerCase(raw.charAt(i + 1))
        && isAsciiLetterOrDigit(raw.charAt(i + 1));
    return Character.isLowerCase(previous) || Character.isDigit(previous)
        || (Character.isUpperCase(previous) && nextIsLower);
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
