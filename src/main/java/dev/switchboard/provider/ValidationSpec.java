package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.switchboard.provider.internal.Checks;
import dev.switchboard.provider.internal.Immutables;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The provider's default validation run: which of its tools proves a credential works, and with what arguments.
 *
 * @param tool tool name without the provider prefix ({@code get_authenticated_user}, not
 *     {@code github_get_authenticated_user}), {@code [a-z0-9][a-z0-9_]{0,62}}; required
 * @param arguments default arguments, a JSON object as nested unmodifiable maps and lists; never null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationSpec(String tool, Map<String, Object> arguments) {

    private static final Pattern TOOL = Pattern.compile("[a-z0-9][a-z0-9_]{0,62}");

    public ValidationSpec {
        Checks.matches(tool, TOOL, "tool");
        arguments = Immutables.map(arguments);
    }
}
