package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.error.SwitchboardException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class UrlTemplateTest {
    static Function<String, Optional<String>> values(Map<String, String> map) {
        return name -> Optional.ofNullable(map.get(name));
    }

    @Test
    void aPlaceholderInsideTheUrlTakesAHostName() {
        assertThat(UrlTemplate.render("https://{instance}.service-now.com", values(Map.of("instance", "dev12345"))))
                .isEqualTo("https://dev12345.service-now.com");
        assertThat(UrlTemplate.render("https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token",
                values(Map.of("tenant", "contoso.onmicrosoft.com"))))
                .isEqualTo("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
    }

    @Test
    void aLeadingPlaceholderTakesAWholeUrlWithoutItsTrailingSlash() {
        assertThat(UrlTemplate.render("{instance_url}/api/v4", values(Map.of("instance_url", "https://git.acme.test/"))))
                .isEqualTo("https://git.acme.test/api/v4");
    }

    @Test
    void valuesThatWouldChangeTheUrlAreRefusedWithoutRepeatingThem() {
        for (String bad : new String[] {"a/b", "a?b", "a#b", "a@b", "a:b", "..", "-a", "a..b", "a b", "a%2Fb"}) {
            assertThatThrownBy(() -> UrlTemplate.render("https://{instance}.service-now.com",
                    values(Map.of("instance", bad))))
                    .as(bad).isInstanceOfSatisfying(SwitchboardException.class, e -> {
                        assertThat(e.code()).isEqualTo("invalid_url_value");
                        assertThat(e.getMessage()).contains("instance").doesNotContain(bad);
                    });
        }
        for (String bad : new String[] {"ftp://x", "https://u:p@x.test", "https://x.test/?q=1", "https://x.test/#f",
                "not a url", "javascript:alert(1)"}) {
            assertThatThrownBy(() -> UrlTemplate.render("{instance_url}/api", values(Map.of("instance_url", bad))))
                    .as(bad).isInstanceOf(SwitchboardException.class).hasMessageContaining("instance_url");
        }
    }

    @Test
    void aMissingValueIsNamed() {
        assertThatThrownBy(() -> UrlTemplate.render("https://{dc}.api.mailchimp.com/3.0", values(Map.of())))
                .isInstanceOfSatisfying(SwitchboardException.class,
                        e -> assertThat(e.code()).isEqualTo("missing_url_value"))
                .hasMessageContaining("dc");
    }

    @Test
    void placeholdersAreListedInOrder() {
        assertThat(UrlTemplate.placeholders("{instance_url}/x/{tenant}/{dc}")).containsExactly("instance_url",
                "tenant", "dc");
        assertThat(UrlTemplate.placeholders("https://api.example.com")).isEmpty();
    }

    @Test
    void aDerivedValueIsTheGroupOfItsPattern() {
        DerivedValue dc = new DerivedValue("dc", "api_key", "-([a-z]+[0-9]+)$");

        assertThat(dc.extract("0123456789abcdef-us6")).contains("us6");
        assertThat(dc.extract("no-suffix")).isEmpty();
        assertThatThrownBy(() -> new DerivedValue("dc", "api_key", "-[a-z]+$"))
                .hasMessageContaining("exactly one capturing group");
    }
}
