package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.switchboard.provider.internal.Checks;
import dev.switchboard.provider.internal.ProviderRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One external service in the catalog: what it is, how users authenticate to it, and where its upstream lives.
 * A provider is data (one JSON file per provider, see {@code docs/providers.md}); the compact constructor checks
 * the rules a JSON Schema cannot express (see {@link ProviderRules}). Immutable and thread-safe.
 *
 * @param slug stable identifier, {@code [a-z0-9][a-z0-9-]{1,39}}; required
 * @param name display name; required
 * @param description one line for the dashboard; required, may be empty
 * @param category required
 * @param kind required
 * @param status required
 * @param icon a short emoji or text for the dashboard, or null
 * @param baseUrl REST base URL, may contain {@code {instance_url}}; required for API providers not built in
 * @param mcpUrl remote MCP server URL; required for MCP providers not built in
 * @param openapi classpath-relative path of the provider's curated OpenAPI document
 *     ({@code catalog/openapi/github.yaml}), whose operations become the provider's tools; null when the
 *     provider has none (MCP and built-in providers never have one)
 * @param builtin name of a tool set implemented inside Switchboard ({@code calculator}, {@code postgresql}),
 *     or null
 * @param docsUrl the provider's API documentation, or null
 * @param authMethods at least one, types distinct, in dashboard order; required
 * @param credentialSchema the fields credentials are made of, or null for the single-secret defaults
 * @param validation default validation tool and arguments; required
 * @param answers how the provider says yes or no beyond HTTP statuses ({@link AnswerRule}), in order; never null
 * @param health the request the health check sends, or null for the default (a GET of the upstream URL)
 * @param maxCallSeconds for a remote MCP provider: the longest one tool call may last while its server keeps
 *     reporting progress ({@value #MAX_CALL_SECONDS} at most), or null for the installation's
 *     {@code SWITCHBOARD_MCP_MAX_CALL_MS}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Provider(
        String slug,
        String name,
        String description,
        Category category,
        ProviderKind kind,
        ProviderStatus status,
        String icon,
        String baseUrl,
        String mcpUrl,
        String openapi,
        String builtin,
        String docsUrl,
        List<AuthMethod> authMethods,
        CredentialSchema credentialSchema,
        ValidationSpec validation,
        List<AnswerRule> answers,
        HealthRequest health,
        Integer maxCallSeconds) {

    /** The largest {@code maxCallSeconds}: one day. */
    public static final int MAX_CALL_SECONDS = 86_400;

    public Provider {
        answers = answers == null ? List.of() : List.copyOf(answers);
        Checks.matches(slug, ProviderRules.SLUG, "slug");
        Checks.notBlank(name, "name");
        Checks.present(description, "description");
        Checks.present(category, "category");
        Checks.present(kind, "kind");
        Checks.present(status, "status");
        Checks.httpUrlOrNull(mcpUrl, "mcpUrl");
        Checks.httpUrlOrNull(docsUrl, "docsUrl");
        authMethods = List.copyOf(Checks.present(authMethods, "authMethods"));
        Checks.present(validation, "validation");
        ProviderRules.checkUpstream(kind, baseUrl, mcpUrl, builtin, credentialSchema);
        ProviderRules.checkOpenApi(kind, builtin, openapi);
        ProviderRules.checkAuthMethods(authMethods, credentialSchema);
        ProviderRules.checkMcpAuth(kind, builtin, authMethods);
        ProviderRules.checkMaxCall(kind, builtin, maxCallSeconds);
        ProviderRules.checkTemplates(baseUrl, authMethods, credentialSchema);
    }

    /** A provider with the installation's longest call. */
    public Provider(String slug, String name, String description, Category category, ProviderKind kind,
            ProviderStatus status, String icon, String baseUrl, String mcpUrl, String openapi, String builtin,
            String docsUrl, List<AuthMethod> authMethods, CredentialSchema credentialSchema,
            ValidationSpec validation, List<AnswerRule> answers, HealthRequest health) {
        this(slug, name, description, category, kind, status, icon, baseUrl, mcpUrl, openapi, builtin, docsUrl,
                authMethods, credentialSchema, validation, answers, health, null);
    }

    /** A provider without answer rules: its HTTP statuses say everything. */
    public Provider(String slug, String name, String description, Category category, ProviderKind kind,
            ProviderStatus status, String icon, String baseUrl, String mcpUrl, String openapi, String builtin,
            String docsUrl, List<AuthMethod> authMethods, CredentialSchema credentialSchema,
            ValidationSpec validation) {
        this(slug, name, description, category, kind, status, icon, baseUrl, mcpUrl, openapi, builtin, docsUrl,
                authMethods, credentialSchema, validation, List.of());
    }

    /** A provider with the default health request. */
    public Provider(String slug, String name, String description, Category category, ProviderKind kind,
            ProviderStatus status, String icon, String baseUrl, String mcpUrl, String openapi, String builtin,
            String docsUrl, List<AuthMethod> authMethods, CredentialSchema credentialSchema,
            ValidationSpec validation, List<AnswerRule> answers) {
        this(slug, name, description, category, kind, status, icon, baseUrl, mcpUrl, openapi, builtin, docsUrl,
                authMethods, credentialSchema, validation, answers, null);
    }

    /** The longest a call may last with progress, when this provider sets one ({@code maxCallSeconds}). */
    public Optional<Duration> maxCall() {
        return Optional.ofNullable(maxCallSeconds).map(Duration::ofSeconds);
    }

    /** True when users can connect with this auth method. */
    public boolean supports(AuthMethodType type) {
        return authMethod(type).isPresent();
    }

    /** The settings of this auth method, or empty when the provider does not offer it. */
    public Optional<AuthMethod> authMethod(AuthMethodType type) {
        return authMethods.stream().filter(method -> method.type() == type).findFirst();
    }

    /**
     * The OAUTH2 settings with the placeholders of their URLs filled from the credential schema's defaults (a
     * Microsoft tenant: the flow starts before the user gives any value), or empty when OAuth is not offered.
     */
    public Optional<OAuth2Method> oauth2() {
        return authMethod(AuthMethodType.OAUTH2).map(method -> ((OAuth2Method) method).withDefaults(credentialSchema));
    }

    /**
     * The fields a user must supply to create a credential with this auth method, in form order. With a credential
     * schema: its fields (for OAUTH2 only the non-secret ones; the token comes from the flow). Without: API_KEY →
     * {@link SchemaField#API_KEY}, BEARER → {@link SchemaField#TOKEN}, OAUTH2 and NONE → none.
     *
     * @throws UnsupportedAuthMethodException when the provider does not offer {@code type}
     */
    public List<SchemaField> fieldsFor(AuthMethodType type) {
        if (!supports(type)) {
            throw new UnsupportedAuthMethodException(slug, type);
        }
        if (credentialSchema != null) {
            return type == AuthMethodType.OAUTH2
                    ? credentialSchema.fields().stream().filter(field -> !field.secret()).toList()
                    : credentialSchema.fields();
        }
        return switch (type) {
            case API_KEY -> List.of(SchemaField.API_KEY);
            case BEARER -> List.of(SchemaField.TOKEN);
            case AWS_SIGV4 -> SchemaField.AWS_KEYS;
            case OAUTH2, NONE, CLIENT_CREDENTIALS, JWT_GRANT -> List.of();
        };
    }

    /**
     * This provider with the origin ({@code scheme://host[:port]}) of its auth endpoints replaced by {@code url}
     * (which may add a path prefix): the token URL of each grant and OAUTH2 method, and every other OAUTH2 URL on
     * the same origin as its token URL (authorize, revoke, userinfo, issuer). A sandbox (Salesforce's
     * {@code https://test.salesforce.com}), a sovereign cloud, or a local authorization server in tests.
     *
     * @throws IllegalArgumentException when the provider has no auth endpoint
     */
    public Provider withAuthOrigin(String url) {
        List<AuthMethod> methods = new ArrayList<>();
        boolean replaced = false;
        for (AuthMethod method : authMethods) {
            if (method instanceof ClientCredentialsMethod grant) {
                methods.add(new ClientCredentialsMethod(AuthOrigins.rebase(grant.tokenUrl(), grant.tokenUrl(), url),
                        grant.scopes(), grant.scopeSeparator(), grant.clientAuthentication(), grant.tokenParams()));
                replaced = true;
            } else if (method instanceof JwtGrantMethod grant) {
                methods.add(new JwtGrantMethod(AuthOrigins.rebase(grant.tokenUrl(), grant.tokenUrl(), url),
                        grant.scopes(), grant.scopeSeparator(), Boolean.TRUE));
                replaced = true;
            } else if (method instanceof OAuth2Method oauth) {
                String anchor = oauth.tokenUrl() != null ? oauth.tokenUrl() : oauth.issuer();
                methods.add(new OAuth2Method(AuthOrigins.rebase(oauth.authorizeUrl(), anchor, url),
                        AuthOrigins.rebase(oauth.tokenUrl(), anchor, url), AuthOrigins.rebase(oauth.revokeUrl(), anchor, url),
                        AuthOrigins.rebase(oauth.issuer(), anchor, url), AuthOrigins.rebase(oauth.userinfoUrl(), anchor, url),
                        oauth.defaultScopes(), oauth.scopeSeparator(), oauth.pkce(), oauth.authorizeParams(),
                        oauth.clientAuthentication(), oauth.tokenValues()));
                replaced = true;
            } else {
                methods.add(method);
            }
        }
        if (!replaced) {
            throw new IllegalArgumentException("provider '" + slug + "' has no auth endpoint to override");
        }
        return new Provider(slug, name, description, category, kind, status, icon, baseUrl, mcpUrl, openapi,
                builtin, docsUrl, methods, credentialSchema, validation, answers, health, maxCallSeconds);
    }

    /** This provider with another status. */
    public Provider withStatus(ProviderStatus newStatus) {
        return new Provider(slug, name, description, category, kind, newStatus, icon, baseUrl, mcpUrl, openapi,
                builtin, docsUrl, authMethods, credentialSchema, validation, answers, health, maxCallSeconds);
    }

    /**
     * This provider with its upstream URL replaced: {@code mcpUrl} for MCP providers, {@code baseUrl} otherwise.
     *
     * @throws IllegalArgumentException when the provider is built in and has no upstream URL
     */
    public Provider withUpstreamUrl(String url) {
        if (builtin != null && baseUrl == null && mcpUrl == null) {
            throw new IllegalArgumentException("provider '" + slug + "' is built in and has no upstream URL");
        }
        boolean mcp = kind == ProviderKind.MCP;
        return new Provider(slug, name, description, category, kind, status, icon, mcp ? baseUrl : url,
                mcp ? url : mcpUrl, openapi, builtin, docsUrl, authMethods, credentialSchema, validation, answers,
                health, maxCallSeconds);
    }
}
