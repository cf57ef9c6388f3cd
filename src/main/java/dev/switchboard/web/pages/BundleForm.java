package dev.switchboard.web.pages;

import java.util.List;
import java.util.Map;

/** The "New bundle" form: values typed so far and a message per field. */
public record BundleForm(String slug, String name, String description, List<Option> modes,
    Map<String, String> errors) {
  public String error(String field) {
    return errors.get(field);
  }
}
