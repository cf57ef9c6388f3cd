package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.provider.internal.Checks;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One value a user supplies for a credential; the dashboard renders a form input per field.
 *
 * @param name key in the credential payload, {@code [a-z][a-z0-9_]{0,39}}; required
 * @param title label shown in the form; required
 * @param type value type; required
 * @param required whether a value must be given (a field with a {@code defaultValue} is satisfied by it)
 * @param secret whether the value is a secret: encrypted, masked, never shown again
 * @param format optional rendering hint for the form (e.g. {@code "hostname"}); not validated; may be null.
 *     On a secret field, {@code "password"} also means the saved value is shown as a fixed mask with
 *     none of its characters ({@link #masksFully()})
 * @param pattern optional regular expression (JSON Schema semantics: searched, so anchor it); may be null
 * @param help optional help text or example shown under the input; may be null
 * @param defaultValue optional default (wire name {@code "default"}), a string or an integer; never on a secret
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaField(
        String name,
        String title,
        FieldType type,
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean required,
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean secret,
        String format,
        String pattern,
        String help,
        @JsonProperty("default") Object defaultValue) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /** The secret field of an API_KEY credential without a schema. */
    public static final SchemaField API_KEY = secret("api_key", "API key");

    /** The secret field of a BEARER credential without a schema. */
    public static final SchemaField TOKEN = secret("token", "Token");

    /** The fields of an AWS_SIGV4 credential without a schema: the key pair and an optional session token. */
    public static final List<SchemaField> AWS_KEYS = List.of(
            secret(AwsSigV4Method.ACCESS_KEY_ID, "Access key ID"),
            secret(AwsSigV4Method.SECRET_ACCESS_KEY, "Secret access key"),
            new SchemaField(AwsSigV4Method.SESSION_TOKEN, "Session token", FieldType.STRING, false, true, null, null,
                    "Only for temporary credentials (AWS STS)", null));

    public SchemaField {
        Checks.matches(name, NAME, "name");
        Checks.notBlank(title, "title");
        Checks.present(type, "type");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("pattern of field " + name + " is not a regular expression", e);
            }
        }
        if (secret && defaultValue != null) {
            throw new IllegalArgumentException("secret field " + name + " may not have a default");
        }
        if (defaultValue != null && !(defaultValue instanceof String || defaultValue instanceof Integer)) {
            throw new IllegalArgumentException("default of field " + name + " must be a string or an integer");
        }
    }

    /**
     * Whether the saved value shows none of its characters: a secret whose format is {@code
     * "password"}. A password is chosen by a person, so even its first and last characters help a
     * guess; generated keys and tokens keep the partial mask that lets one tell them apart.
     */
    public boolean masksFully() {
        return secret && "password".equals(format);
    }

    /** A required secret string field with no hints. */
    public static SchemaField secret(String name, String title) {
        return new SchemaField(name, title, FieldType.STRING, true, true, null, null, null, null);
    }
}
