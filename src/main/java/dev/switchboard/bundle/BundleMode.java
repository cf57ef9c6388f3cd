package dev.switchboard.bundle;

/**
 * How a bundle shows its tools over MCP: DIRECT lists them (at most {@link #DIRECT_LIMIT});
 * DYNAMIC shows meta-tools to search, describe and call them instead.
 */
public enum BundleMode {
  DIRECT,
  DYNAMIC;

  /** The most tools a DIRECT bundle may hold. */
  public static final int DIRECT_LIMIT = 100;
}
