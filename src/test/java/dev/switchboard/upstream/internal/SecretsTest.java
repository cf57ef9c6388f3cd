package dev.switchboard.upstream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.upstream.Header;
import dev.switchboard.upstream.Outcome;
import dev.switchboard.upstream.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SecretsTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void headerValuesTokensAndBasicPasswordsAreRedacted() {
    String basic = Base64.getEncoder().encodeToString("me@example.com:hunter22".getBytes(StandardCharsets.UTF_8));
    Secrets secrets = Secrets.of(List.of(new Header("Authorization", "Bearer tok-123456"),
        new Header("X-Api-Key", "k3y-abcdef"), new Header("Proxy-Authorization", "Basic " + basic)));

    assertThat(secrets.redact("Bearer tok-123456 / tok-123456 / k3y-abcdef / hunter22 / me@example.com"))
        .isEqualTo("[redacted] / [redacted] / [redacted] / [redacted] / me@example.com");
  }

  @Test
  void structuredResultsAreRedactedWithoutChangingTheirShape() {
    Secrets secrets = Secrets.values(List.of("s3cr3t-value"));
    ToolResult result = ToolResult.ok("got s3cr3t-value", JSON.readTree(
        "{\"a\": [\"x\", \"s3cr3t-value!\"], \"n\": 1, \"o\": {\"k\": \"s3cr3t-value\"}}"), null);

    ToolResult redacted = secrets.redact(result);

    assertThat(redacted.outcome()).isEqualTo(Outcome.OK);
    assertThat(redacted.text()).isEqualTo("got [redacted]");
    assertThat(redacted.structured()).contains(JSON.readTree(
        "{\"a\": [\"x\", \"[redacted]!\"], \"n\": 1, \"o\": {\"k\": \"[redacted]\"}}"));
    assertThat(result.structured().get().path("o").path("k").asString()).isEqualTo("s3cr3t-value");
  }
}
