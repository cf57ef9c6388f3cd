package dev.switchboard.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretFieldsTest {

  @Test
  void fieldsAreReadByNameInTheGivenOrder() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("instance_url", "https://acme.example.com");
    values.put("api_key", "sk_live_0123456789abcdef4f2a");
    SecretFields fields = SecretFields.of(values);

    assertThat(fields.names()).containsExactly("instance_url", "api_key");
    assertThat(fields.get("api_key")).contains("sk_live_0123456789abcdef4f2a");
    assertThat(fields.get("password")).isEmpty();
    assertThat(fields.isEmpty()).isFalse();
    assertThat(fields.masked())
        .containsExactly(Map.entry("instance_url", "htt….com"), Map.entry("api_key", "sk_…4f2a"));
  }

  @Test
  void laterChangesToTheSourceMapDoNotLeakIn() {
    Map<String, String> values = new HashMap<>(Map.of("a", "1"));
    SecretFields fields = SecretFields.of(values);
    values.put("b", "2");

    assertThat(fields.names()).containsExactly("a");
    assertThat(catchThrowable(() -> fields.names().clear()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullValuesAndEmptyNamesAreRefused() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("a", null);

    assertThat(catchThrowable(() -> SecretFields.of(nullValue)))
        .isInstanceOf(NullPointerException.class);
    assertThat(catchThrowable(() -> SecretFields.of(Map.of("", "x"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyFieldsAreEmpty() {
    assertThat(SecretFields.empty().isEmpty()).isTrue();
    assertThat(SecretFields.of(Map.of())).isEqualTo(SecretFields.empty());
  }
}
