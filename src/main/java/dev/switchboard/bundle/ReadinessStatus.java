package dev.switchboard.bundle;

/** A bundle's readiness for one user (DESIGN.md §6). */
public enum ReadinessStatus {
  /** Every tool is available. */
  OPERATIONAL,
  /** Some tools are available. */
  PARTIAL,
  /** No tool is available. */
  BLOCKED,
  /** The user has not enabled the bundle. */
  UNKNOWN
}
