package dev.switchboard.vault;

import java.util.Objects;

/**
 * How a saved secret is shown after saving: enough to recognise it, never enough to use it.
 *
 * <p>Values of 12 or more characters show the first 3 and last 4 ({@code sk_…4f2a}); values of 8 to
 * 11 show only the last 2 ({@code ••••9x}); shorter values show nothing ({@code ••••}). Lengths
 * count Unicode code points, so a surrogate pair is never split. A secret a person chose, such as a
 * password, shows none of its characters: {@link #hidden()}. Stateless.
 */
public final class SecretMask {

  private static final String HIDDEN = "••••";
  private static final String FULLY_HIDDEN = "••••••••";

  private SecretMask() {}

  /** The fixed mask of a secret that shows none of its characters, whatever its length. */
  public static String hidden() {
    return FULLY_HIDDEN;
  }

  /** The masked form of {@code value}; {@code value} must not be null. */
  public static String mask(String value) {
    Objects.requireNonNull(value, "value");
    int length = value.codePointCount(0, value.length());
    if (length >= 12) {
      return value.substring(0, value.offsetByCodePoints(0, 3))
          + "…"
          + value.substring(value.offsetByCodePoints(value.length(), -4));
    }
    if (length >= 8) {
      return HIDDEN + value.substring(value.offsetByCodePoints(value.length(), -2));
    }
    return HIDDEN;
  }
}
