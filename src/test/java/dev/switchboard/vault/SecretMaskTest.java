package dev.switchboard.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretMaskTest {

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      value = {
        "sk_live_abcdef4f2a |sk_…4f2a",
        "abcdefghijkl       |abc…ijkl",
        "abcdefghijk        |••••jk",
        "abcdefgh           |••••gh",
        "abcdefg            |••••",
        "''                 |••••",
        "🔑🔑🔑xxxxxx🗝🗝🗝🗝 |🔑🔑🔑…🗝🗝🗝🗝"
      })
  void masksByLengthShowingAtMostThreeLeadingAndFourTrailingCharacters(
      String value, String masked) {
    assertThat(SecretMask.mask(value)).isEqualTo(masked);
  }
}
