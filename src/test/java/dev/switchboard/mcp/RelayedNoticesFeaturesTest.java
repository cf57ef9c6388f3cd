package dev.switchboard.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.bundle.BundleFeatures;
import dev.switchboard.vault.Keyring;
import dev.switchboard.vault.Signer;
import dev.switchboard.vault.VaultKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session gets only the notifications of the features its bundle offers: log messages with
 * logging, resource updates and resource list changes with resources, prompt list changes with prompts.
 */
class RelayedNoticesFeaturesTest {
  private static final Keyring KEYS = Keyring.of(VaultKey.generate("k1"));
  private final JsonMapper json = JsonMapper.builder().build();

  private List<String> received(BundleFeatures offered) {
    ClientStreams streams = new ClientStreams(json, Duration.ofSeconds(1), new Signer(() -> KEYS),
        new SingleInstance());
    List<String> seen = new ArrayList<>();
    streams.open("s1", new ListChangedBroker.Sink() {
      @Override
      public boolean send(JsonNode message) {
        seen.add(message.path("method").asString());
        return true;
      }

      @Override
      public void close() {
      }
    });
    RelayedNotices notices = new RelayedNotices(streams, json);
    notices.used("everything/c1", "s1", () -> offered);
    for (String method : List.of("notifications/message", "notifications/resources/updated",
        "notifications/resources/list_changed", "notifications/prompts/list_changed")) {
      notices.received("everything/c1", json.createObjectNode().put("jsonrpc", "2.0").put("method", method)
          .set("params", json.createObjectNode().put("uri", "demo://x").put("level", "error")));
    }
    notices.received("other/c2", json.createObjectNode().put("method", "notifications/message"));
    return seen;
  }

  @Test
  void everyFeatureOfferedRelaysEveryNotificationOfThatConnection() {
    assertThat(received(BundleFeatures.ALL)).containsExactly("notifications/message",
        "notifications/resources/updated", "notifications/resources/list_changed",
        "notifications/prompts/list_changed");
  }

  @Test
  void aFeatureNotOfferedHasItsNotificationsLeftOut() {
    assertThat(received(new BundleFeatures(false, true, true)))
        .containsExactly("notifications/message", "notifications/prompts/list_changed");
    assertThat(received(new BundleFeatures(true, false, false)))
        .containsExactly("notifications/resources/updated", "notifications/resources/list_changed");
    assertThat(received(new BundleFeatures(false, false, false))).isEmpty();
  }

  @Test
  void theStoredFormReadsBackAndCompletionsFollowPromptsAndResources() {
    for (BundleFeatures f : List.of(BundleFeatures.ALL, new BundleFeatures(false, true, false),
        new BundleFeatures(false, false, false), new BundleFeatures(true, false, true))) {
      assertThat(BundleFeatures.ofColumn(f.column())).isEqualTo(f);
    }
    assertThat(BundleFeatures.ALL.column()).isEqualTo("resources prompts logging");
    assertThat(new BundleFeatures(false, false, true).completions()).isFalse();
    assertThat(new BundleFeatures(false, true, false).completions()).isTrue();
  }
}
