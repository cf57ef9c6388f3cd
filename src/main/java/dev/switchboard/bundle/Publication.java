package dev.switchboard.bundle;

/**
 * Who may use a bundle. DRAFT and ARCHIVED bundles are their owner's alone; PUBLISHED ones any user
 * may enable; DEPRECATED ones keep working for those who enabled them but are flagged.
 */
public enum Publication {
  DRAFT,
  PUBLISHED,
  DEPRECATED,
  ARCHIVED;

  /** Whether users other than the owner may see and enable the bundle. */
  public boolean shared() {
    return this == PUBLISHED || this == DEPRECATED;
  }
}
