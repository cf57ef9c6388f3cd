package dev.switchboard.web.pages;

import java.util.List;
import java.util.Map;

/**
 * The Admin page: users, provider statuses, and the forms that add users and providers. {@code form}
 * names the form that was sent back with problems ({@code user}, {@code openapi}, {@code mcp}) or is
 * null; {@code values} and {@code errors} are its typed values and messages per field.
 */
public record AdminPage(List<UserRow> users, List<AdminProvider> providers, List<Option> categories,
    List<Option> auths, List<OAuthAppRow> oauthApps, String redirectUri, String form, Map<String, String> values,
    Map<String, String> errors) {
  public String value(String which, String field) {
    return which.equals(form) ? values.getOrDefault(field, "") : "";
  }

  public String error(String which, String field) {
    return which.equals(form) ? errors.get(field) : null;
  }
}
