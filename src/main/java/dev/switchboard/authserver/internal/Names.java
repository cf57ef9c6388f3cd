package dev.switchboard.authserver.internal;

/**
 * Client names as shown on the consent page: without control or format characters (no
 * bidirectional overrides or zero-width tricks), at most 100 characters, else a fallback.
 */
public final class Names {
  private Names() {}

  public static String clean(String name, String fallback) {
    String n = name == null ? "" : name.strip().replaceAll("[\\p{Cntrl}\\p{Cf}]", "");
    if (n.isEmpty()) {
      n = fallback == null || fallback.isEmpty() ? "Unnamed client" : fallback;
    }
    return n.length() > 100 ? n.substring(0, 100) : n;
  }
}
