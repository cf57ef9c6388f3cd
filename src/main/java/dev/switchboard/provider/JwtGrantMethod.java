package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.switchboard.provider.internal.Checks;
import dev.switchboard.provider.internal.Immutables;
import java.util.List;

/**
 * JWT bearer grant of a service account (RFC 7523 §2.1, Google's service accounts): the user pastes the service
 * account's JSON key (secret credential field {@code service_account}: {@code client_email}, {@code private_key}
 * as PKCS #8 PEM, {@code token_uri}); the gateway signs an RS256 assertion ({@code iss}, {@code scope},
 * {@code aud}, {@code iat}, {@code exp}) and exchanges it at the token endpoint, caching the access token until
 * shortly before it expires. Wire: {@code {"type": "JWT_GRANT", "tokenUrl": "https://oauth2.googleapis.com/token",
 * "scopes": ["https://www.googleapis.com/auth/cloud-platform.read-only"]}}.
 *
 * @param tokenUrl the token endpoint when the key names none ({@code token_uri}), or always with
 *     {@code ignoreKeyTokenUri}; required
 * @param scopes the assertion's {@code scope} claim; never null
 * @param scopeSeparator how scopes are joined; {@code " "} when absent
 * @param ignoreKeyTokenUri true: {@code tokenUrl} wins over the key's {@code token_uri}; set by the installation's
 *     {@code SWITCHBOARD_PROVIDER_<SLUG>_AUTH_URL} ({@link Provider#withAuthOrigin}), false when absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JwtGrantMethod(String tokenUrl, List<String> scopes, String scopeSeparator, Boolean ignoreKeyTokenUri)
    implements AuthMethod {

    /** The secret credential field holding the service account's JSON key. */
    public static final String SERVICE_ACCOUNT = "service_account";

    public JwtGrantMethod {
        Checks.httpUrlOrNull(Checks.notBlank(tokenUrl, "tokenUrl"), "tokenUrl");
        scopes = Immutables.list(scopes);
        scopeSeparator = scopeSeparator == null || scopeSeparator.isEmpty() ? " " : scopeSeparator;
        ignoreKeyTokenUri = Boolean.TRUE.equals(ignoreKeyTokenUri);
    }

    /** The method as a catalog describes it: the key's {@code token_uri}, when it has one, wins. */
    public JwtGrantMethod(String tokenUrl, List<String> scopes, String scopeSeparator) {
        this(tokenUrl, scopes, scopeSeparator, Boolean.FALSE);
    }

    @Override
    public List<String> requiredFields() {
        return List.of(SERVICE_ACCOUNT);
    }

    @Override
    public AuthMethodType type() {
        return AuthMethodType.JWT_GRANT;
    }
}
