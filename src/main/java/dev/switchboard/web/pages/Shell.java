package dev.switchboard.web.pages;

/**
 * What every page's frame shows: the title, the navigation with the current section marked, the
 * signed-in person (null email when nobody is), the CSRF token for forms, the flash message, and
 * the number of unread notifications.
 */
public record Shell(String title, String section, String email, boolean admin, String csrf, Flash flash,
    int unread) {
  /** The frame of a page seen before signing in. */
  static Shell anonymous(String title, Flash flash) {
    return new Shell(title, "", null, false, null, flash, 0);
  }

  public boolean signedIn() {
    return email != null;
  }

  /** {@code "page"} for the current section's link, else null (no attribute). */
  public String current(String name) {
    return section.equals(name) ? "page" : null;
  }

  public String flashKind() {
    return flash == null ? null : flash.kind();
  }

  public String flashText() {
    return flash == null ? null : flash.text();
  }
}
