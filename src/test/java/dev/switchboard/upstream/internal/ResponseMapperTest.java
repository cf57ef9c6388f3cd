package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.Redactor;
import dev.switchboard.upstream.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Issue 11: what the mapper makes of an upstream answer never holds any part of a secret. */
class ResponseMapperTest {
  static final String SECRET = "CANARY-mapper-tok-7f3a9c1e5b";
  static final ResponseMapper MAPPER = new ResponseMapper(JsonMapper.builder().build());
  static final Redactor REDACTOR = Redactor.of(List.of(SECRET));

  static ToolResult map(int status, String contentType, String body, boolean truncated, String retryAfter) {
    return MAPPER.map(new UpstreamResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), truncated,
        Optional.ofNullable(retryAfter), 1000), REDACTOR);
  }

  /** Each character as JSON backslash-u escapes of its lower-case percent-escape. */
  static String unicodeOfPercent(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      for (char p : String.format("%%%02x", (int) c).toLowerCase(Locale.ROOT).toCharArray()) {
        out.append(String.format("\\u%04x", (int) p));
      }
    }
    return out.toString();
  }

  /** Each character as a percent-escape whose sign alone is a JSON backslash-u escape. */
  static String percentWithEscapedSign(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append("\\u0025").append(String.format("%02x", (int) c));
    }
    return out.toString();
  }

  @Test
  void aSecretEncodedTwiceInAJsonBodyLeavesNeitherTheTextNorTheStructuredContent() {
    String body = "{\"a\": \"" + unicodeOfPercent(SECRET) + "\", \"b\": \"" + percentWithEscapedSign(SECRET) + "\"}";

    ToolResult result = map(200, "application/json", body, false, null);

    assertThat(result.text()).isEqualTo("{\"a\": \"[redacted]\", \"b\": \"[redacted]\"}");
    assertThat(result.structured().orElseThrow().toString()).isEqualTo("{\"a\":\"[redacted]\",\"b\":\"[redacted]\"}");
  }

  @Test
  void jiraErrorMessagesAndErrorsAreTheShortMessageRedacted() {
    String body = "{\"errorMessages\": [\"Bad header: Basic " + percentWithEscapedSign(SECRET) + "\"], "
        + "\"errors\": {\"token\": \"not " + SECRET + "\"}}";

    ToolResult result = map(401, "application/json", body, false, null);

    assertThat(result.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
    assertThat(result.text()).isEqualTo("credentials rejected: the provider answered HTTP 401: "
        + "Bad header: Basic [redacted]; token: not [redacted]");
  }

  @Test
  void aSecretCrossingTheThreeHundredthCharacterOfAMessageLeavesNoPrefix() {
    for (int pad = 280; pad < 300; pad += 3) {
      String body = "x".repeat(pad) + " " + SECRET + " tail";

      ToolResult result = map(400, "text/plain", body, false, null);

      assertThat(result.text()).as("pad " + pad).doesNotContain("CANARY").doesNotContain(SECRET.substring(0, 5));
    }
  }

  @Test
  void aTruncatedBodyThatEndsInsideASecretLeavesNoPrefix() {
    String percent = percentWithEscapedSign(SECRET);
    for (int cut = 1; cut < percent.length(); cut++) {
      ToolResult ok = map(200, "application/json", "{\"a\": \"" + percent.substring(0, cut), true, null);
      ToolResult failed = map(500, "text/plain", "echo " + SECRET.substring(0, Math.min(cut, SECRET.length() - 1)),
          true, null);

      assertThat(ok.text()).as("cut " + cut).startsWith("{\"a\": \"\n\n[response cut at 1000 bytes");
      assertThat(failed.text()).as("cut " + cut).isEqualTo("provider unavailable: the provider answered HTTP 500: echo");
    }
  }

  @Test
  void retryAfterIsRepeatedOnlyAsSecondsOrAnHttpDate() {
    assertThat(map(429, "text/plain", "", false, "120").text())
        .isEqualTo("rate limited: the provider answered HTTP 429; retry after 120 seconds");
    assertThat(map(429, "text/plain", "", false, "Wed, 21 Oct 2015 07:28:00 GMT").text())
        .isEqualTo("rate limited: the provider answered HTTP 429; retry after Wed, 21 Oct 2015 07:28:00 GMT");
    assertThat(map(429, "text/plain", "", false, "later, " + SECRET).text())
        .isEqualTo("rate limited: the provider answered HTTP 429");
    assertThat(map(429, "text/plain", "", false, "%43ANARY-mapper-tok-7f3a9c1e5b").text())
        .isEqualTo("rate limited: the provider answered HTTP 429");
  }
}
