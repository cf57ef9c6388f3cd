package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderUrlSettingsTest {
  @Test
  void baseAndAuthUrlOverridesAreReadPerProviderSlugAndKeptApart() {
    Settings settings = SettingsLoader.fromValues(Map.of(
        "SWITCHBOARD_PROVIDER_SALESFORCE_AUTH_URL", "https://test.salesforce.com",
        "SWITCHBOARD_PROVIDER_MICROSOFT_365_AUTH_URL", "http://127.0.0.1:9000",
        "SWITCHBOARD_PROVIDER_PAYPAL_BASE_URL", "https://api-m.sandbox.paypal.com"));

    assertThat(settings.authUrlOverrides()).isEqualTo(Map.of("salesforce", "https://test.salesforce.com",
        "microsoft-365", "http://127.0.0.1:9000"));
    assertThat(settings.baseUrlOverrides()).isEqualTo(Map.of("paypal", "https://api-m.sandbox.paypal.com"));
  }

  @Test
  void withoutOverridesBothAreEmpty() {
    Settings settings = SettingsLoader.fromValues(Map.of());

    assertThat(settings.authUrlOverrides()).isEmpty();
    assertThat(settings.baseUrlOverrides()).isEmpty();
  }
}
