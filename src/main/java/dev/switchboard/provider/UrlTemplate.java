package dev.switchboard.provider;

import dev.switchboard.error.SwitchboardException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL with {@code {name}} placeholders filled from a credential (docs/providers.md, "URL templates"): a
 * placeholder that starts the URL takes a whole http(s) URL (GitLab's or Jira's {@code {instance_url}}, Salesforce's
 * {@code instance_url} from the token response), any other one a host name (labels of letters, digits and {@code -}
 * joined by {@code .}: a Microsoft tenant, a ServiceNow instance, Mailchimp's data centre), so that no value can add
 * {@code /}, {@code ?}, {@code #}, {@code @} or {@code :} to the URL. Stateless; errors never repeat the value.
 */
public final class UrlTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]{0,39})}");
    private static final Pattern LABEL = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private UrlTemplate() {
    }

    /** The placeholder names of {@code template}, in order of appearance. */
    public static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        if (template == null) {
            return names;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** True when the placeholder {@code name} starts {@code template} and so takes a whole URL. */
    public static boolean takesUrl(String template, String name) {
        return template.startsWith("{" + name + "}");
    }

    /**
     * {@code template} with each placeholder replaced by {@code values.apply(name)}.
     *
     * @throws SwitchboardException {@code missing_url_value} when a value is absent, {@code invalid_url_value}
     *     when it is not a host-name label (or, at the start, not an http(s) URL without query, fragment or user)
     */
    public static String render(String template, Function<String, Optional<String>> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.apply(name).filter(v -> !v.isBlank()).orElseThrow(() ->
                    SwitchboardException.invalid("missing_url_value", "the credential has no " + name
                            + ", which the provider's URL needs"));
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.start() == 0 ? url(name, value)
                    : label(name, value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String label(String name, String value) {
        if (value.length() > 253 || !LABEL.matcher(value).matches()) {
            throw SwitchboardException.invalid("invalid_url_value", name
                    + " must be a host name: labels of letters, digits and '-' joined by '.'");
        }
        return value;
    }

    private static String url(String name, String value) {
        String trimmed = value.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw notUrl(name);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || trimmed.contains("{")) {
            throw notUrl(name);
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static SwitchboardException notUrl(String name) {
        return SwitchboardException.invalid("invalid_url_value", name
                + " must be an absolute http(s) URL without user, query or fragment");
    }
}
