package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.switchboard.provider.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * A long-lived key the user pastes (secret field {@code api_key}), placed on each upstream request as
 * {@link ApiKeyLocation} says. Wire: {@code {"type": "API_KEY", "in": "HEADER", "name": "Authorization",
 * "prefix": "Bearer "}}; for {@code BASIC}: {@code {"type": "API_KEY", "in": "BASIC", "usernameField": "email"}}.
 *
 * @param in where the key goes; required
 * @param name header or query parameter name; required for HEADER and QUERY, absent for BASIC
 * @param prefix text put before the key in a header (e.g. {@code "Bearer "}); never null, empty when absent
 * @param usernameField the credential field holding the Basic user name; required for BASIC, absent otherwise
 * @param also further keys sent with this one on every request, each from its own credential field
 *     (an OpenAPI security requirement naming several schemes: Trello's {@code key} and {@code token});
 *     never null, empty when absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKeyMethod(ApiKeyLocation in, String name, String prefix, String usernameField, List<Also> also)
        implements AuthMethod {

    /**
     * A further key: where it goes ({@code HEADER}, {@code QUERY} or {@code COOKIE}), its name, an optional
     * prefix, and the credential field that holds it (a secret, or a setting such as Mixpanel's project id).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Also(ApiKeyLocation in, String name, String prefix, String field) {
        public Also {
            Checks.present(in, "also.in");
            Checks.notBlank(name, "also.name");
            Checks.notBlank(field, "also.field");
            prefix = prefix == null ? "" : prefix;
            if (in == ApiKeyLocation.BASIC) {
                throw new IllegalArgumentException("also.in cannot be BASIC");
            }
        }
    }

    public ApiKeyMethod {
        Checks.present(in, "in");
        prefix = prefix == null ? "" : prefix;
        also = also == null ? List.of() : List.copyOf(also);
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

    /**
     * What this method cannot send a request without, though a schema shared with another method (ServiceNow's Basic
     * beside its client credentials) marks it optional: the key in a header, query or cookie, or the user name of
     * Basic (whose password may be empty: Stripe takes the key as the user name), and every further key. A field
     * with a default (Mailchimp's Basic user name) is satisfied by it.
     */
    @Override
    public List<String> requiredFields() {
        List<String> fields = new ArrayList<>();
        fields.add(in == ApiKeyLocation.BASIC ? usernameField : "api_key");
        also.forEach(a -> fields.add(a.field()));
        return List.copyOf(fields);
    }

    /** A key sent alone. */
    public ApiKeyMethod(ApiKeyLocation in, String name, String prefix, String usernameField) {
        this(in, name, prefix, usernameField, List.of());
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
