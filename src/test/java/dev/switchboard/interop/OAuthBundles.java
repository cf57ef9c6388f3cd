package dev.switchboard.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testing.Api;
import java.util.List;
import java.util.Map;

/**
 * {@link CalculatorBundle} plus a second bundle, {@code other}, of the same user: an OAuth token for
 * one must be refused on the other. The user signs in with {@link #EMAIL} and {@link #PASSWORD}.
 */
final class OAuthBundles {
  static final String EMAIL = "interop@example.com";
  static final String PASSWORD = "password-of-" + EMAIL;
  static final String OTHER = "other";

  private OAuthBundles() {}

  static void addOther(CalculatorBundle bundle) {
    Api api = new Api(bundle.server(), bundle.token());
    Api.Answer other = api.post("/api/v1/bundles", Map.of("slug", OTHER, "name", "Other",
        "tools", List.of("calculator_divide")));
    assertThat(other.status()).as(other.body()).isEqualTo(201);
  }

  static String otherUrl(CalculatorBundle bundle) {
    return bundle.server().url("/mcp/bundle/" + OTHER);
  }
}
