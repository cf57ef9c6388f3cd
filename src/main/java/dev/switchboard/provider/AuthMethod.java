package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One way of authenticating against a provider, with its settings. On the wire an object whose {@code "type"}
 * property ({@code OAUTH2}, {@code API_KEY}, {@code BEARER}, {@code NONE},
 * {@code CLIENT_CREDENTIALS}, {@code JWT_GRANT}, {@code AWS_SIGV4}) selects the record. Implementations
 * are immutable records; none holds a secret (OAuth client id and secret are per installation, not catalog data).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OAuth2Method.class, name = "OAUTH2"),
    @JsonSubTypes.Type(value = ApiKeyMethod.class, name = "API_KEY"),
    @JsonSubTypes.Type(value = BearerMethod.class, name = "BEARER"),
    @JsonSubTypes.Type(value = NoAuthMethod.class, name = "NONE"),
    @JsonSubTypes.Type(value = ClientCredentialsMethod.class, name = "CLIENT_CREDENTIALS"),
    @JsonSubTypes.Type(value = JwtGrantMethod.class, name = "JWT_GRANT"),
    @JsonSubTypes.Type(value = AwsSigV4Method.class, name = "AWS_SIGV4")
})
public sealed interface AuthMethod permits OAuth2Method, ApiKeyMethod, BearerMethod, NoAuthMethod,
        ClientCredentialsMethod, JwtGrantMethod, AwsSigV4Method {

    /** The method's type, matching the wire {@code "type"} value. */
    AuthMethodType type();

    /**
     * Credential fields this method cannot work without, required when a credential of it is created even where
     * the provider's schema marks them optional (a schema shared by several methods: ServiceNow's Basic and
     * client credentials). Empty when the schema says all.
     */
    default List<String> requiredFields() {
        return List.of();
    }
}
