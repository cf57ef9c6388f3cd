package dev.switchboard.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.admin.ImportResult;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.NoAuthMethod;
import dev.switchboard.provider.Category;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderKind;
import dev.switchboard.provider.ProviderStatus;
import dev.switchboard.provider.ValidationSpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The flash cookie's limit is in bytes: a message of many non-ASCII characters is cut to fit
 * instead of being dropped by {@link Flash#take}, and an import's warnings are budgeted in bytes.
 */
class FlashLimitTest {
  private static int cookieLength(String text) {
    return "error.".length() + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(Flash.fitted(text).getBytes(StandardCharsets.UTF_8)).length();
  }

  @Test
  void aShortMessageIsLeftAsItIs() {
    assertThat(Flash.fitted("Saved Ünïcødé ✓")).isEqualTo("Saved Ünïcødé ✓");
  }

  @Test
  void aLongMessageOfWideCharactersIsCutToFitTheCookieAndSaysSo() {
    String wide = "警告".repeat(600) + "😀".repeat(100);

    String fitted = Flash.fitted(wide);

    assertThat(fitted).endsWith("…").startsWith("警告警告");
    assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Flash.MOST_TEXT_BYTES);
    assertThat(cookieLength(wide)).isLessThanOrEqualTo(Flash.MOST_VALUE_CHARACTERS);
    assertThat(Flash.fitted("😀".repeat(1000))).doesNotContain("\uFFFD").endsWith("😀…");
  }

  @Test
  void importWarningsAreBudgetedInBytesSoTheMessageNeverOutgrowsTheCookie() {
    Provider provider = new Provider("acme", "Acme", "", Category.CLOUD, ProviderKind.API, ProviderStatus.ACTIVE,
        "A", "https://acme.test", null, null, null, null, List.<AuthMethod>of(new NoAuthMethod()), null,
        new ValidationSpec("get_me", Map.of()));
    List<String> warnings = Collections.nCopies(30, "属性 'サンプル' は無効です。".repeat(8));

    String message = ImportMessage.of(new ImportResult(provider, List.of("acme_get_me"), List.of(), warnings));

    assertThat(message).contains("The document has 30 warnings: ").contains(" more (switchboard provider import");
    assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(Flash.MOST_TEXT_BYTES);
    assertThat(Flash.fitted(message)).isEqualTo(message);
  }
}
