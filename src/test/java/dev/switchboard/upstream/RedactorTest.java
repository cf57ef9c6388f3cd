package dev.switchboard.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RedactorTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String SECRET = "CANARY-s3cr3t/with+plus and space";

  static String unicodeEscaped(String s, boolean everyOther) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (!everyOther || i % 2 == 0) {
        out.append(String.format(i % 3 == 0 ? "\\u%04x" : "\\u%04X", (int) s.charAt(i)));
      } else {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }

  static String percentEveryChar(String s, boolean lower) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      String hex = String.format("%%%02X", b & 0xff);
      out.append(lower ? hex.toLowerCase(Locale.ROOT) : hex);
    }
    return out.toString();
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  static String b64Url(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void headerValuesTokensAndBasicPasswordsAreRedacted() {
    String basic = b64("me@example.com:hunter22");
    Redactor redactor = Redactor.builder().headers(List.of(new Header("Authorization", "Bearer tok-123456"),
        new Header("X-Api-Key", "k3y-abcdef"), new Header("Proxy-Authorization", "Basic " + basic))).build();

    assertThat(redactor.redact("Bearer tok-123456 / tok-123456 / k3y-abcdef / hunter22 / me@example.com / "
        + basic + " / me@example.com:hunter22"))
        .isEqualTo("[redacted] / [redacted] / [redacted] / [redacted] / me@example.com / [redacted] / [redacted]");
  }

  @Test
  void customPrefixesAreRedactedWithTheirToken() {
    Redactor redactor = Redactor.builder().injected("Token tk_custom_998877").build();

    assertThat(redactor.redact("sent: Token tk_custom_998877; token alone tk_custom_998877"))
        .isEqualTo("sent: [redacted]; token alone [redacted]");
  }

  @Test
  void everyJsonEscapedFormIsRedactedInRawText() {
    Redactor redactor = Redactor.of(List.of(SECRET));
    String escapedSlash = SECRET.replace("/", "\\/");

    assertThat(redactor.redact("{\"a\":\"" + unicodeEscaped(SECRET, false) + "\"}")).isEqualTo("{\"a\":\"[redacted]\"}");
    assertThat(redactor.redact("{\"a\":\"" + unicodeEscaped(SECRET, true) + "\"}"))
        .isEqualTo("{\"a\":\"[redacted]\"}");
    assertThat(redactor.redact("x " + escapedSlash + " y")).isEqualTo("x [redacted] y");
  }

  @Test
  void everyPercentEncodedFormIsRedacted() {
    Redactor redactor = Redactor.of(List.of(SECRET));

    assertThat(redactor.redact("q=" + percentEveryChar(SECRET, false) + "&z=1")).isEqualTo("q=[redacted]&z=1");
    assertThat(redactor.redact("q=" + percentEveryChar(SECRET, true) + "&z=1")).isEqualTo("q=[redacted]&z=1");
    assertThat(redactor.redact("q=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8) + "&z=1"))
        .isEqualTo("q=[redacted]&z=1");
    String lowerHex = Pattern.compile("%[0-9A-F]{2}").matcher(URLEncoder.encode(SECRET, StandardCharsets.UTF_8))
        .replaceAll(m -> m.group().toLowerCase(Locale.ROOT));
    assertThat(redactor.redact("q=" + lowerHex)).isEqualTo("q=[redacted]");
  }

  @Test
  void base64FormsOfTheSecretAndOfBasicPairsAreRedacted() {
    Redactor redactor = Redactor.builder().basic("me@acme.test", SECRET).build();
    String pair = "me@acme.test:" + SECRET;

    for (String form : List.of(b64(pair), b64Url(pair), b64(pair).replace("=", ""), b64(SECRET),
        b64Url(SECRET), b64("someone-else:" + SECRET), b64Url("x:" + SECRET))) {
      assertThat(redactor.redact("Authorization: Basic " + form + " was refused"))
          .as(form).doesNotContain(form.substring(4, form.length() - 4)).contains("[redacted]");
    }
  }

  @Test
  void nonAsciiSecretsArePercentAndUnicodeDecoded() {
    Redactor redactor = Redactor.of(List.of("pässwörd-ü"));

    assertThat(redactor.redact(percentEveryChar("pässwörd-ü", true))).isEqualTo("[redacted]");
    assertThat(redactor.redact(unicodeEscaped("pässwörd-ü", false))).isEqualTo("[redacted]");
  }

  @Test
  void secretsThatLookEscapedThemselvesAndOnesOutsideTheBasicPlaneAreRedacted() {
    Redactor redactor = Redactor.of(List.of("ab%41cd\\u0041", "key-\uD83D\uDE00-key"));

    assertThat(redactor.redact("x ab%41cd\\u0041 y")).isEqualTo("x [redacted] y");
    assertThat(redactor.redact("x " + percentEveryChar("key-\uD83D\uDE00-key", false) + " y"))
        .isEqualTo("x [redacted] y");
    assertThat(redactor.redact("x key-\\ud83d\\ude00-key y")).isEqualTo("x [redacted] y");
  }

  @Test
  void parsedJsonIsRedactedInValuesAndKeysWithoutChangingItsShape() {
    Redactor redactor = Redactor.of(List.of("CANARYVALUE123"));
    JsonNode parsed = JSON.readTree("{\"" + unicodeEscaped("CANARYVALUE123", false) + "\": 1, \"a\": [\"x\", \""
        + unicodeEscaped("CANARYVALUE123", true) + "!\"], \"n\": 1, \"o\": {\"k\": \"CANARYVALUE123\"}}");

    JsonNode redacted = redactor.redact(parsed);

    assertThat(redacted).isEqualTo(JSON.readTree(
        "{\"[redacted]\": 1, \"a\": [\"x\", \"[redacted]!\"], \"n\": 1, \"o\": {\"k\": \"[redacted]\"}}"));
    assertThat(parsed.path("o").path("k").asString()).isEqualTo("CANARYVALUE123");
  }

  @Test
  void structuredResultsAreRedactedWithoutChangingTheirOutcome() {
    Redactor redactor = Redactor.of(List.of("s3cr3t-value"));
    ToolResult result = ToolResult.ok("got s3cr3t-value", JSON.readTree("{\"k\": \"s3cr3t-value\"}"), null);

    ToolResult redacted = redactor.redact(result);

    assertThat(redacted.outcome()).isEqualTo(Outcome.OK);
    assertThat(redacted.text()).isEqualTo("got [redacted]");
    assertThat(redacted.structured()).contains(JSON.readTree("{\"k\": \"[redacted]\"}"));
  }

  @Test
  void secretsShorterThanFourCharactersAreLeftAlone() {
    Redactor redactor = Redactor.of(List.of("abc"));

    assertThat(redactor.isEmpty()).isTrue();
    assertThat(redactor.redact("abc abc")).isEqualTo("abc abc");
  }

  @Test
  void textWithoutSecretsIsUnchangedEvenWithEscapes() {
    Redactor redactor = Redactor.of(List.of("CANARYVALUE123"));
    String text = "{\"url\":\"https:\\/\\/x.test\\/a%20b?c=d+e\",\"u\":\"\\u00e9\"}";

    assertThat(redactor.redact(text)).isEqualTo(text);
  }

  /** Every character as JSON backslash-u escapes of its lower-case percent-escape (backslash-u 0025 for the sign, …). */
  static String unicodeOfPercent(String s) {
    return unicodeEscaped(percentEveryChar(s, true), false);
  }

  @Test
  void percentEscapesWrittenAsUnicodeEscapesAreRedacted() {
    Redactor redactor = Redactor.of(List.of(SECRET));
    String onlyThePercentSigns = percentEveryChar(SECRET, true).replace("%", "\\u0025");

    assertThat(redactor.redact("{\"a\":\"" + unicodeOfPercent(SECRET) + "\"}")).isEqualTo("{\"a\":\"[redacted]\"}");
    assertThat(redactor.redact("{\"a\":\"" + onlyThePercentSigns + "\"}")).isEqualTo("{\"a\":\"[redacted]\"}");
  }

  @Test
  void percentEncodingAppliedTwiceAndThreeNestedLayersAreRedacted() {
    Redactor redactor = Redactor.of(List.of(SECRET));
    String twice = percentEveryChar(percentEveryChar(SECRET, true), false);
    String threeLayers = unicodeEscaped(percentEveryChar(percentEveryChar(SECRET, false), true), true);

    assertThat(redactor.redact("x " + twice + " y")).isEqualTo("x [redacted] y");
    assertThat(redactor.redact("x " + threeLayers + " y")).isEqualTo("x [redacted] y");
    assertThat(redactor.redact("x " + URLEncoder.encode(URLEncoder.encode(SECRET, StandardCharsets.UTF_8),
        StandardCharsets.UTF_8) + " y")).isEqualTo("x [redacted] y");
  }

  @Test
  void aNumericSecretEchoedAsAJsonNumberBecomesTheMask() {
    Redactor redactor = Redactor.of(List.of("8675309123"));

    JsonNode redacted = redactor.redact(JSON.readTree("{\"pin\": 8675309123, \"big\": 998675309123, "
        + "\"f\": 8675309123.5, \"other\": 42, \"list\": [8675309123]}"));

    assertThat(redacted).isEqualTo(JSON.readTree("{\"pin\": \"[redacted]\", \"big\": \"[redacted]\", "
        + "\"f\": \"[redacted]\", \"other\": 42, \"list\": [\"[redacted]\"]}"));
  }

  @Test
  void aTextCutShortLosesAnEndThatBeginsASecretInAnyForm() {
    Redactor redactor = Redactor.of(List.of(SECRET));
    String percent = percentEveryChar(SECRET, true);
    String unicode = unicodeEscaped(SECRET, false);

    assertThat(redactor.redactCut("answer: " + SECRET.substring(0, 12))).isEqualTo("answer: ");
    assertThat(redactor.redactCut("answer: " + percent.substring(0, 20))).isEqualTo("answer: ");
    assertThat(redactor.redactCut("answer: " + percent.substring(0, 19))).isEqualTo("answer: ");
    assertThat(redactor.redactCut("answer: " + unicode.substring(0, 33))).isEqualTo("answer: ");
    assertThat(redactor.redactCut("answer: " + unicodeOfPercent(SECRET).substring(0, 50))).isEqualTo("answer: ");
    assertThat(redactor.redactCut("whole " + SECRET + " and " + SECRET.substring(0, 6)))
        .isEqualTo("whole [redacted] and ");
    assertThat(redactor.redactCut("nothing to hide here")).isEqualTo("nothing to hide here");
  }

  @Test
  void aTextCutShortLosesAnEndThatBeginsTheBase64OfABasicPair() {
    Redactor redactor = Redactor.builder().basic("me@acme.test", SECRET).build();
    String basic = b64("me@acme.test:" + SECRET);

    String cut = redactor.redactCut("Authorization: Basic " + basic.substring(0, 30));

    assertThat(cut).isEqualTo("Authorization: Basic ");
  }
}
