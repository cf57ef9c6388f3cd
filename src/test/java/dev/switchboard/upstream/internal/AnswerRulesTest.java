package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.provider.AnswerRule;
import dev.switchboard.provider.AnswerVerdict;
import dev.switchboard.provider.Catalog;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.Redactor;
import dev.switchboard.upstream.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Providers' answer rules as catalog data (docs/providers.md, "Answer rules"): the shipped Slack and
 * GitHub rules, and a GraphQL-style rule, decide what an answer means before its status does.
 */
class AnswerRulesTest {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final ResponseMapper MAPPER = new ResponseMapper(JSON);
  static final String SECRET = "xoxb-secret-000000000042";
  static final Catalog CATALOG = Catalog.load(JSON);

  static ToolResult map(List<AnswerRule> rules, int status, String body, Map<String, String> headers) {
    return MAPPER.map(new UpstreamResponse(status, "application/json", body.getBytes(StandardCharsets.UTF_8), false,
        Optional.ofNullable(headers.get("retry-after")), 10_000,
        name -> Optional.ofNullable(headers.get(name.toLowerCase()))), Redactor.of(List.of(SECRET)), rules);
  }

  static List<AnswerRule> rulesOf(String slug) {
    return CATALOG.require(slug).answers();
  }

  @Test
  void slackInvalidAuthWithHttp200IsARejectedCredentialWithSlacksReason() {
    ToolResult result = map(rulesOf("slack"), 200, "{\"ok\":false,\"error\":\"invalid_auth\"}", Map.of());
    assertThat(result.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
    assertThat(result.text()).isEqualTo("credentials rejected: the provider answered HTTP 200: invalid_auth");
  }

  @Test
  void slackOtherErrorsAreRefusedRequestsAndOkIsSuccess() {
    assertThat(map(rulesOf("slack"), 200, "{\"ok\":false,\"error\":\"channel_not_found\"}", Map.of()).outcome())
        .isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(map(rulesOf("slack"), 200, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of()).outcome())
        .isEqualTo(Outcome.RATE_LIMITED);
    ToolResult ok = map(rulesOf("slack"), 200, "{\"ok\":true,\"user\":\"bot\"}", Map.of());
    assertThat(ok.outcome()).isEqualTo(Outcome.OK);
    assertThat(ok.structured()).isPresent();
  }

  @Test
  void gitHubs403WithNoRemainingRateIsARateLimitNotARejection() {
    ToolResult limited = map(rulesOf("github"), 403, "{\"message\":\"API rate limit exceeded\"}",
        Map.of("x-ratelimit-remaining", "0"));
    assertThat(limited.outcome()).isEqualTo(Outcome.RATE_LIMITED);
    assertThat(limited.text()).contains("API rate limit exceeded");
    assertThat(map(rulesOf("github"), 403, "{\"message\":\"Resource not accessible\"}",
        Map.of("x-ratelimit-remaining", "4999")).outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
  }

  @Test
  void aGraphQlErrorsRuleReadsTheReasonAndTheReasonIsRedacted() {
    List<AnswerRule> graphql = List.of(
        new AnswerRule(null, null, "$.errors[0].extensions.code", "UNAUTHENTICATED", null,
            AnswerVerdict.REJECTED, "$.errors[0].message"),
        new AnswerRule(List.of(200), null, "$.errors", null, null, AnswerVerdict.REFUSED, "$.errors[0].message"));
    ToolResult rejected = map(graphql, 200, "{\"errors\":[{\"message\":\"bad token " + SECRET
        + "\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}", Map.of());
    assertThat(rejected.outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
    assertThat(rejected.text()).contains("bad token").doesNotContain(SECRET);
    assertThat(map(graphql, 200, "{\"errors\":[{\"message\":\"Field 'x' doesn't exist\"}]}", Map.of()).text())
        .isEqualTo("the provider refused the request with HTTP 200: Field 'x' doesn't exist");
    assertThat(map(graphql, 200, "{\"data\":{\"viewer\":{\"login\":\"a\"}}}", Map.of()).outcome())
        .isEqualTo(Outcome.OK);
    assertThat(map(graphql, 200, "not json", Map.of()).outcome()).as("a path never matches text").isEqualTo(Outcome.OK);
  }

  @Test
  void aRuleSaysWhatIsWrongWithIt() {
    assertThatThrownBy(() -> new AnswerRule(null, null, "ok", false, null, AnswerVerdict.REJECTED, null))
        .hasMessageContaining("JSON path like $.error");
    assertThatThrownBy(() -> new AnswerRule(null, null, null, null, null, AnswerVerdict.REJECTED, null))
        .hasMessageContaining("name a 'status', a 'header' or a 'path'");
    assertThatThrownBy(() -> new AnswerRule(List.of(200), null, null, null, null, null, null))
        .hasMessageContaining("'verdict' is required");
  }
}
