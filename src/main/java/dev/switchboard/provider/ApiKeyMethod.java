package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.switchboard.provider.internal.Checks;

/**
 * A long-lived key the user pastes (secret field {@code api_key}), placed on each upstream request as
 * {@link ApiKeyLocation} says. Wire: {@code {"type": "API_KEY", "in": "HEADER", "name": "Authorization",
 * "prefix": "Bearer "}}; for {@code BASIC}: {@code {"type": "API_KEY", "in": "BASIC", "usernameField": "email"}}.
 *
 * @param in where the key goes; required
 * @param name header or query parameter name; required for HEADER and QUERY, absent for BASIC
 * @param prefix text put before the key in a header (e.g. {@code "Bearer "}); never null, empty when absent
 * @param usernameField the credential field holding the Basic user name; required for BASIC, absent otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeyMethod(ApiKeyLocation in, String name, String prefix, String usernameField)
        implements AuthMethod {

    public ApiKeyMethod {
        Checks.present(in, "in");
        prefix = prefix == null ? "" : prefix;
        if (in == ApiKeyLocation.BASIC) {
            Checks.notBlank(usernameField, "usernameField");
            if (name != null || !prefix.isEmpty()) {
                throw new IllegalArgumentException("name and prefix do not apply when in is BASIC");
            }
        } else {
            Checks.notBlank(name, "name");
            if (usernameField != null) {
                throw new IllegalArgumentException("usernameField applies only when in is BASIC");
            }
        }
    }

    /** A header key: {@code name: prefix + key}. */
    public static ApiKeyMethod header(String name, String prefix) {
        return new ApiKeyMethod(ApiKeyLocation.HEADER, name, prefix, null);
    }

    /** A query parameter key: {@code ?name=key}. */
    public static ApiKeyMethod query(String name) {
        return new ApiKeyMethod(ApiKeyLocation.QUERY, name, null, null);
    }

    @Override
    public AuthMethodType type() {
        return AuthMethodType.API_KEY;
    }
}
