package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.provider.AnswerRule;
import dev.switchboard.provider.AnswerVerdict;
import dev.switchboard.provider.Catalog;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderKind;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.Redactor;
import dev.switchboard.upstream.ToolResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Providers' answer rules as catalog data (docs/providers.md, "Answer rules"): every shipped API
 * provider declares how it says no, the shipped rules (Slack, GitHub, Google, OpenAI, Open-Meteo) and a
 * GraphQL-style rule decide what an answer means before its status does.
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

  @Test
  void everyShippedApiProviderDeclaresAnswerRulesThatParse() throws IOException {
    List<Provider> api = CATALOG.all().stream()
        .filter(p -> p.kind() == ProviderKind.API && p.builtin() == null).toList();
    assertThat(api).extracting(Provider::slug).contains("github", "google", "hubspot", "jira-cloud", "open-meteo",
        "openai", "sendgrid", "slack", "smartlead", "stripe");
    for (Provider provider : api) {
      assertThat(provider.answers()).as(provider.slug() + " declares answer rules").isNotEmpty();
      String file = "catalog/providers/" + provider.slug() + ".json";
      try (InputStream in = AnswerRulesTest.class.getClassLoader().getResourceAsStream(file)) {
        assertThat(in).as(file).isNotNull();
        JsonNode rules = JSON.readTree(in).path("answers");
        assertThat(rules.size()).as(file).isEqualTo(provider.answers().size());
        for (JsonNode rule : rules) {
          AnswerRule parsed = JSON.treeToValue(rule, AnswerRule.class);
          assertThat(JSON.readValue(JSON.writeValueAsString(parsed), AnswerRule.class)).as(file).isEqualTo(parsed);
        }
      }
    }
  }

  @Test
  void theShippedRulesGiveTheProvidersOwnMessageAsTheReason() {
    ToolResult openai = map(rulesOf("openai"), 401,
        "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}", Map.of());
    assertThat(openai.text()).isEqualTo("credentials rejected: the provider answered HTTP 401: Incorrect API key provided");
    assertThat(map(rulesOf("jira-cloud"), 401, "{\"errorMessages\":[\"Client must be authenticated\"]}", Map.of())
        .text()).endsWith(": Client must be authenticated");
    assertThat(map(rulesOf("sendgrid"), 403, "{\"errors\":[{\"message\":\"access forbidden\"}]}", Map.of())
        .outcome()).isEqualTo(Outcome.CREDENTIALS_REJECTED);
    assertThat(map(rulesOf("smartlead"), 401, "not json", Map.of()).outcome())
        .isEqualTo(Outcome.CREDENTIALS_REJECTED);
  }

  @Test
  void googlesRateLimit403IsARateLimitAndItsOther403sAreRejections() {
    ToolResult limited = map(rulesOf("google"), 403, "{\"error\":{\"code\":403,\"message\":\"Rate Limit Exceeded\","
        + "\"errors\":[{\"reason\":\"userRateLimitExceeded\"}]}}", Map.of());
    assertThat(limited.outcome()).isEqualTo(Outcome.RATE_LIMITED);
    assertThat(limited.text()).endsWith(": Rate Limit Exceeded");
    assertThat(map(rulesOf("google"), 403, "{\"error\":{\"message\":\"Insufficient Permission\","
        + "\"errors\":[{\"reason\":\"insufficientPermissions\"}]}}", Map.of()).outcome())
        .isEqualTo(Outcome.CREDENTIALS_REJECTED);
  }

  @Test
  void openMeteosErrorBodyIsARefusedRequestWithItsReason() {
    ToolResult refused = map(rulesOf("open-meteo"), 400,
        "{\"error\":true,\"reason\":\"Latitude must be in range of -90 to 90\u00b0.\"}", Map.of());
    assertThat(refused.outcome()).isEqualTo(Outcome.UPSTREAM_REJECTED_REQUEST);
    assertThat(refused.text()).endsWith(": Latitude must be in range of -90 to 90\u00b0.");
  }
}
