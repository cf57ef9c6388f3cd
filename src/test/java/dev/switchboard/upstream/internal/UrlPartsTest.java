package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPartsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '\'', emptyValue = "", value = {
      "...         | %2E%2E%2E",
      "....        | %2E%2E%2E%2E",
      "a..b        | a..b",
      "v1.2        | v1.2",
      "../x        | ..%2Fx",
      "a/b?c#d     | a%2Fb%3Fc%23d",
      "%2F         | %252F",
      "*!$&'()+,;= | %2A%21%24%26%27%28%29%2B%2C%3B%3D",
      "'a b'       | a%20b",
      "@:[]{}      | %40%3A%5B%5D%7B%7D",
      "AZaz09-_~   | AZaz09-_~",
      "é€         | %C3%A9%E2%82%AC",
  })
  void aPathSegmentKeepsOnlyUnreservedCharactersAndNeverFormsADotSegment(String value, String encoded) {
    assertThat(UrlParts.pathSegment(value)).isEqualTo(encoded);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", ".."})
  void anEmptyValueAndTheDotSegmentsAreRefusedBecauseNoEncodingOfThemIsSafe(String value) {
    assertThat(UrlParts.isDotSegmentOrEmpty(value)).isTrue();
    assertThatThrownBy(() -> UrlParts.pathSegment(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"...", " ", "a", ".a", "..a", "%2E", "%2E%2E"})
  void otherValuesAreNotDotSegments(String value) {
    assertThat(UrlParts.isDotSegmentOrEmpty(value)).isFalse();
  }
}
