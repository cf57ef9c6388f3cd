package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.switchboard.provider.internal.Checks;
import dev.switchboard.provider.internal.Immutables;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * OAuth 2.0 authorization code flow settings. Either {@code issuer} (endpoints found by discovery) or both
 * {@code authorizeUrl} and {@code tokenUrl} must be present; explicit URLs win over discovered ones.
 * The client id and secret are not here: an admin sets them per installation.
 *
 * @param authorizeUrl authorization endpoint, or null
 * @param tokenUrl token endpoint, or null
 * @param revokeUrl RFC 7009 revocation endpoint, or null when the provider has none
 * @param issuer issuer for RFC 8414 / OpenID discovery, or null
 * @param userinfoUrl endpoint answering who the token belongs to (shown as the credential's account), or null
 * @param defaultScopes scopes requested when no tool asks for more; never null
 * @param scopeSeparator how scopes are joined in the {@code scope} parameter; {@code " "} when absent
 * @param pkce whether to send a PKCE S256 challenge (RFC 7636)
 * @param authorizeParams extra authorization request parameters, in order; never null; may not set parameters
 *     the flow owns ({@code client_id}, {@code state}, {@code scope}, ...)
 * @param clientAuthentication how the client secret is presented; {@code CLIENT_SECRET_POST} when absent
 * @param tokenValues fields of the token response kept with the tokens (encrypted like them) and usable as
 *     {@code {name}} in the base URL, such as Salesforce's {@code instance_url}; never null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OAuth2Method(
        String authorizeUrl,
        String tokenUrl,
        String revokeUrl,
        String issuer,
        String userinfoUrl,
        List<String> defaultScopes,
        String scopeSeparator,
        @JsonSetter(nulls = Nulls.AS_EMPTY) boolean pkce,
        Map<String, String> authorizeParams,
        ClientAuthentication clientAuthentication,
        List<String> tokenValues) implements AuthMethod {

    private static final Set<String> FLOW_PARAMETERS = Set.of("client_id", "redirect_uri", "response_type",
            "state", "scope", "code_challenge", "code_challenge_method", "nonce");
    private static final Set<String> TOKEN_FIELDS = Set.of("access_token", "refresh_token", "token_type",
            "expires_in", "scope", "id_token");

    public OAuth2Method {
        Checks.httpUrlOrNull(authorizeUrl, "authorizeUrl");
        Checks.httpUrlOrNull(tokenUrl, "tokenUrl");
        Checks.httpUrlOrNull(revokeUrl, "revokeUrl");
        Checks.httpUrlOrNull(issuer, "issuer");
        Checks.httpUrlOrNull(userinfoUrl, "userinfoUrl");
        if (issuer == null && (authorizeUrl == null || tokenUrl == null)) {
            throw new IllegalArgumentException("OAUTH2 needs an issuer or both authorizeUrl and tokenUrl");
        }
        defaultScopes = Immutables.list(defaultScopes);
        scopeSeparator = scopeSeparator == null || scopeSeparator.isEmpty() ? " " : scopeSeparator;
        authorizeParams = Immutables.map(authorizeParams);
        for (String parameter : authorizeParams.keySet()) {
            if (FLOW_PARAMETERS.contains(parameter)) {
                throw new IllegalArgumentException("authorizeParams may not set " + parameter);
            }
        }
        clientAuthentication = clientAuthentication == null ? ClientAuthentication.CLIENT_SECRET_POST
                : clientAuthentication;
        tokenValues = Immutables.list(tokenValues);
        for (String value : tokenValues) {
            if (!value.matches("[a-z][a-z0-9_]{0,39}") || TOKEN_FIELDS.contains(value)) {
                throw new IllegalArgumentException("tokenValues may not name " + value);
            }
        }
    }

    /** Settings without values taken from the token response. */
    public OAuth2Method(String authorizeUrl, String tokenUrl, String revokeUrl, String issuer, String userinfoUrl,
            List<String> defaultScopes, String scopeSeparator, boolean pkce, Map<String, String> authorizeParams,
            ClientAuthentication clientAuthentication) {
        this(authorizeUrl, tokenUrl, revokeUrl, issuer, userinfoUrl, defaultScopes, scopeSeparator, pkce,
                authorizeParams, clientAuthentication, List.of());
    }

    /** These settings with each URL placeholder replaced by the default of the schema field of that name. */
    public OAuth2Method withDefaults(CredentialSchema schema) {
        if (schema == null) {
            return this;
        }
        Function<String, String> fill = url -> url == null || !url.contains("{") ? url
                : UrlTemplate.render(url, name -> schema.field(name).map(SchemaField::defaultValue).map(String::valueOf));
        return new OAuth2Method(fill.apply(authorizeUrl), fill.apply(tokenUrl), fill.apply(revokeUrl),
                fill.apply(issuer), fill.apply(userinfoUrl), defaultScopes, scopeSeparator, pkce, authorizeParams,
                clientAuthentication, tokenValues);
    }

    @Override
    public AuthMethodType type() {
        return AuthMethodType.OAUTH2;
    }
}
