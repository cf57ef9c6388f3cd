package dev.switchboard.mcp;

import java.util.List;

/**
 * The MCP revisions served. 2025-03-26, 2025-06-18 and 2025-11-25 begin with {@code initialize}
 * (optionally with a session); 2026-07-28 is stateless and carries its version in every request.
 * 2024-11-05 is served only by the legacy HTTP+SSE transport.
 */
public final class ProtocolVersions {
  public static final String LEGACY_SSE = "2024-11-05";
  public static final String V2025_03_26 = "2025-03-26";
  public static final String V2025_06_18 = "2025-06-18";
  public static final String V2025_11_25 = "2025-11-25";
  public static final String V2026_07_28 = "2026-07-28";
  /** Versions reached through {@code initialize}, newest first. */
  public static final List<String> INITIALIZE = List.of(V2025_11_25, V2025_06_18, V2025_03_26, LEGACY_SSE);
  /** Versions of the stateless era. */
  public static final List<String> STATELESS = List.of(V2026_07_28);

  private ProtocolVersions() {}

  public static boolean supported(String version) {
    return INITIALIZE.contains(version) || STATELESS.contains(version);
  }

  /** The answer to an {@code initialize} asking for {@code requested}: it if served, else the latest. */
  public static String negotiate(String requested) {
    return INITIALIZE.contains(requested) ? requested : V2025_11_25;
  }

  /** Whether JSON-RPC batches are allowed (only 2025-03-26 had them). */
  public static boolean batchesAllowed(String version) {
    return V2025_03_26.equals(version);
  }
}
