package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.switchboard.provider.internal.Checks;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A value taken from a credential field by a regular expression, usable as {@code {name}} in URL templates
 * (Mailchimp's data centre, the {@code us6} suffix of {@code …-us6} keys). Wire: {@code {"name": "dc", "from":
 * "api_key", "pattern": "-([a-z]+[0-9]+)$"}}. Immutable.
 *
 * @param name the placeholder name, {@code [a-z][a-z0-9_]{0,39}}; required
 * @param from the credential field it is read from; required
 * @param pattern a regular expression with exactly one capturing group, searched in the field's value; the
 *     group is the value; required
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DerivedValue(String name, String from, String pattern) {

    public DerivedValue {
        Checks.matches(name, Pattern.compile("[a-z][a-z0-9_]{0,39}"), "derived.name");
        Checks.notBlank(from, "derived.from");
        Checks.notBlank(pattern, "derived.pattern");
        try {
            if (Pattern.compile(pattern).matcher("").groupCount() != 1) {
                throw new IllegalArgumentException("derived.pattern must have exactly one capturing group");
            }
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("derived.pattern is not a regular expression: " + e.getDescription());
        }
    }

    /** The value found in {@code source}, if the pattern matches it. */
    public Optional<String> extract(String source) {
        Matcher matcher = Pattern.compile(pattern).matcher(source);
        return matcher.find() && matcher.group(1) != null ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
