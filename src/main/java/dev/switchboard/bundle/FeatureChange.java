package dev.switchboard.bundle;

/**
 * A change to which features a bundle offers ({@link BundleFeatures}); a null field is left as it
 * is. {@code completions} is refused with a message saying that completions follow the prompts
 * and resources offered.
 */
public record FeatureChange(Boolean resources, Boolean prompts, Boolean logging, Boolean completions) {
  /** Only the three features a bundle chooses. */
  public static FeatureChange of(boolean resources, boolean prompts, boolean logging) {
    return new FeatureChange(resources, prompts, logging, null);
  }
}
