package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.switchboard.provider.internal.Checks;
import dev.switchboard.provider.internal.Immutables;
import java.util.List;
import java.util.Map;

/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4): the user fills in a client id and secret (credential fields
 * {@code client_id} and {@code client_secret}), and the gateway gets an access token from {@code tokenUrl} before
 * calls, caching it until shortly before it expires. Wire: {@code {"type": "CLIENT_CREDENTIALS", "tokenUrl":
 * "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token", "scopes": ["https://management.azure.com/.default"],
 * "clientAuthentication": "CLIENT_SECRET_POST"}}.
 *
 * @param tokenUrl token endpoint; may hold {@code {field}} placeholders filled from the credential; required
 * @param scopes the {@code scope} parameter's values, or empty to send none; never null
 * @param scopeSeparator how scopes are joined; {@code " "} when absent
 * @param clientAuthentication how the client secret is sent (RFC 6749 §2.3.1); {@code CLIENT_SECRET_BASIC} when
 *     absent, the method every server must support
 * @param tokenParams extra form parameters of the token request (e.g. {@code resource}); never null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientCredentialsMethod(String tokenUrl, List<String> scopes, String scopeSeparator,
        ClientAuthentication clientAuthentication, Map<String, String> tokenParams) implements AuthMethod {

    /** The credential field holding the client id. */
    public static final String CLIENT_ID = "client_id";
    /** The secret credential field holding the client secret. */
    public static final String CLIENT_SECRET = "client_secret";

    public ClientCredentialsMethod {
        Checks.httpUrlOrNull(Checks.notBlank(tokenUrl, "tokenUrl"), "tokenUrl");
        scopes = Immutables.list(scopes);
        scopeSeparator = scopeSeparator == null || scopeSeparator.isEmpty() ? " " : scopeSeparator;
        clientAuthentication = clientAuthentication == null ? ClientAuthentication.CLIENT_SECRET_BASIC
                : clientAuthentication;
        tokenParams = Immutables.map(tokenParams);
        for (String owned : List.of("grant_type", "scope", CLIENT_ID, CLIENT_SECRET)) {
            if (tokenParams.containsKey(owned)) {
                throw new IllegalArgumentException("tokenParams may not set " + owned);
            }
        }
    }

    @Override
    public List<String> requiredFields() {
        return List.of(CLIENT_ID, CLIENT_SECRET);
    }

    @Override
    public AuthMethodType type() {
        return AuthMethodType.CLIENT_CREDENTIALS;
    }
}
