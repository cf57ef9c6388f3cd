package dev.switchboard.upstream;

import dev.switchboard.error.SwitchboardException;
import java.util.Objects;

/**
 * One HTTP header field. The name must be an RFC 9110 token and the value must not contain CR, LF
 * or NUL (no header injection through tool arguments). {@link #toString()} never prints the value,
 * which may be a credential.
 */
public record Header(String name, String value) {

  public Header {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty() || !name.chars().allMatch(Header::isTokenChar)) {
      throw SwitchboardException.invalid("invalid_header", "'" + name + "' is not a valid header name");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw SwitchboardException.invalid("invalid_header",
            "the value of header " + name + " contains a line break or NUL");
      }
    }
  }

  /** Whether this header's name is {@code other} (case-insensitive, RFC 9110 §5.1). */
  public boolean is(String other) {
    return name.equalsIgnoreCase(other);
  }

  @Override
  public String toString() {
    return name + ": …";
  }

  /** RFC 9110 §5.6.2 tchar. */
  private static boolean isTokenChar(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
