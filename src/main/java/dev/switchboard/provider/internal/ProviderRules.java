package dev.switchboard.provider.internal;

import dev.switchboard.provider.ApiKeyLocation;
import dev.switchboard.provider.ApiKeyMethod;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.ClientCredentialsMethod;
import dev.switchboard.provider.AwsSigV4Method;
import dev.switchboard.provider.CredentialSchema;
import dev.switchboard.provider.DerivedValue;
import dev.switchboard.provider.JwtGrantMethod;
import dev.switchboard.provider.OAuth2Method;
import dev.switchboard.provider.UrlTemplate;
import dev.switchboard.provider.FieldType;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderKind;
import dev.switchboard.provider.SchemaField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cross-field rules of a provider that the JSON Schema cannot say; they hold for catalog files and for providers
 * built in code (imports) alike. Each failure is an {@link IllegalArgumentException} naming the property.
 */
public final class ProviderRules {

    /** The slug syntax; also the file name of the provider's catalog entry. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    /**
     * A classpath-relative resource path of an OpenAPI document: segments that start with a letter or digit (so no
     * leading {@code /} and no {@code ..} segment), ending in {@code .yaml}, {@code .yml} or {@code .json}.
     */
    public static final Pattern OPENAPI_PATH =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*\\.(yaml|yml|json)");

    /** The placeholder in a base URL that is replaced by the credential's {@code instance_url}. */
    public static final String INSTANCE_URL_PLACEHOLDER = "{instance_url}";

    private ProviderRules() {
    }

    /** {@code maxCallSeconds} belongs to a remote MCP provider (not built in) and lies in 1..one day. */
    public static void checkMaxCall(ProviderKind kind, String builtin, Integer maxCallSeconds) {
        if (maxCallSeconds == null) {
            return;
        }
        if (kind != ProviderKind.MCP || builtin != null) {
            throw new IllegalArgumentException("maxCallSeconds is only allowed for a remote MCP provider (kind MCP, "
                    + "not built in): only their servers report progress");
        }
        if (maxCallSeconds < 1 || maxCallSeconds > Provider.MAX_CALL_SECONDS) {
            throw new IllegalArgumentException("maxCallSeconds must be between 1 and " + Provider.MAX_CALL_SECONDS
                    + " (one day), not " + maxCallSeconds);
        }
    }

    /** The auth methods a remote MCP server can take: those sent as a header or query value with every request. */
    private static final Set<AuthMethodType> MCP_AUTH = EnumSet.of(AuthMethodType.OAUTH2, AuthMethodType.API_KEY,
            AuthMethodType.BEARER, AuthMethodType.NONE);

    /**
     * A remote MCP provider authenticates by a header or query value the gateway sends with every request:
     * grants the gateway makes itself and request signing (CLIENT_CREDENTIALS, JWT_GRANT, AWS_SIGV4) are for API
     * providers only.
     */
    public static void checkMcpAuth(ProviderKind kind, String builtin, List<AuthMethod> methods) {
        if (kind != ProviderKind.MCP || builtin != null) {
            return;
        }
        for (AuthMethod method : methods) {
            if (!MCP_AUTH.contains(method.type())) {
                throw new IllegalArgumentException("an MCP server cannot use the auth method " + method.type()
                        + "; it takes one of " + MCP_AUTH);
            }
        }
    }

    /** An upstream URL is present for the kind unless built in; {@code {instance_url}} needs its field. */
    public static void checkUpstream(ProviderKind kind, String baseUrl, String mcpUrl, String builtin,
            CredentialSchema schema) {
        if (builtin == null && kind == ProviderKind.API && baseUrl == null) {
            throw new IllegalArgumentException("baseUrl is required for an API provider that is not built in");
        }
        if (builtin == null && kind == ProviderKind.MCP && mcpUrl == null) {
            throw new IllegalArgumentException("mcpUrl is required for an MCP provider that is not built in");
        }
        if (baseUrl == null) {
            return;
        }
        if (!baseUrl.startsWith("{")) {
            Checks.httpUrlOrNull(baseUrl, "baseUrl");
        }
    }

    /**
     * Every placeholder of a URL names something a credential supplies ({@link UrlTemplate}): in {@code baseUrl} a
     * credential field, a derived value or an OAUTH2 token value (a leading one a URL field or a token value); in a
     * CLIENT_CREDENTIALS token URL a field or derived value; in OAUTH2 URLs a field with a default (the flow starts
     * before the user has given any value); a JWT_GRANT token URL has none.
     */
    public static void checkTemplates(String baseUrl, List<AuthMethod> methods, CredentialSchema schema) {
        noSecretInUrls(baseUrl, methods, schema);
        Set<String> tokenValues = new HashSet<>();
        methods.stream().filter(m -> m instanceof OAuth2Method).forEach(m -> tokenValues.addAll(((OAuth2Method) m)
                .tokenValues()));
        for (String name : UrlTemplate.placeholders(baseUrl)) {
            if (tokenValues.contains(name)) {
                continue;
            }
            if (UrlTemplate.takesUrl(baseUrl, name)) {
                if (field(schema, name).filter(field -> field.type() == FieldType.URL).isEmpty()) {
                    throw new IllegalArgumentException("baseUrl uses {" + name + "} but the credential schema has no "
                            + name + " URL field");
                }
            } else if (field(schema, name).isEmpty() && derived(schema, name).isEmpty()) {
                throw new IllegalArgumentException("baseUrl uses {" + name + "} but the credential schema has no "
                        + "field or derived value " + name);
            }
        }
        for (AuthMethod method : methods) {
            if (method instanceof ClientCredentialsMethod grant) {
                for (String name : UrlTemplate.placeholders(grant.tokenUrl())) {
                    if (field(schema, name).isEmpty() && derived(schema, name).isEmpty()) {
                        throw new IllegalArgumentException("tokenUrl uses {" + name
                                + "} but the credential schema has no field or derived value " + name);
                    }
                }
            }
            if (method instanceof JwtGrantMethod grant && !UrlTemplate.placeholders(grant.tokenUrl()).isEmpty()) {
                throw new IllegalArgumentException("a JWT_GRANT tokenUrl cannot hold placeholders");
            }
            if (method instanceof OAuth2Method oauth) {
                List<String> urls = new ArrayList<>();
                Collections.addAll(urls, oauth.authorizeUrl(), oauth.tokenUrl(), oauth.revokeUrl(), oauth.issuer(),
                        oauth.userinfoUrl());
                for (String url : urls) {
                    for (String name : UrlTemplate.placeholders(url)) {
                        if (field(schema, name).filter(field -> field.defaultValue() != null).isEmpty()) {
                            throw new IllegalArgumentException("an OAUTH2 URL uses {" + name
                                    + "} but the credential schema has no field " + name + " with a default");
                        }
                    }
                }
            }
        }
    }

    /**
     * A curated OpenAPI document belongs to an API provider that is not built in (an MCP provider discovers its
     * tools, a built-in tool set is code), and its path is a classpath-relative resource path.
     */
    public static void checkOpenApi(ProviderKind kind, String builtin, String openapi) {
        if (openapi == null) {
            return;
        }
        if (kind != ProviderKind.API || builtin != null) {
            throw new IllegalArgumentException("openapi is only allowed for an API provider that is not built in");
        }
        Checks.matches(openapi, OPENAPI_PATH, "openapi");
    }

    /** Types are distinct; with a schema, API_KEY needs a secret api_key, BEARER a secret token; BASIC its user. */
    public static void checkAuthMethods(List<AuthMethod> methods, CredentialSchema schema) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("authMethods must not be empty");
        }
        Set<AuthMethodType> seen = EnumSet.noneOf(AuthMethodType.class);
        for (AuthMethod method : methods) {
            if (!seen.add(method.type())) {
                throw new IllegalArgumentException("authMethods lists " + method.type() + " twice");
            }
            if (schema != null && method.type() == AuthMethodType.API_KEY) {
                requireSecret(schema, SchemaField.API_KEY.name(), method.type());
            }
            if (schema != null && method.type() == AuthMethodType.BEARER) {
                requireSecret(schema, SchemaField.TOKEN.name(), method.type());
            }
            if (method.type() == AuthMethodType.CLIENT_CREDENTIALS) {
                requireField(schema, ClientCredentialsMethod.CLIENT_ID, method.type());
                requireSecret(schema, ClientCredentialsMethod.CLIENT_SECRET, method.type());
            }
            if (method.type() == AuthMethodType.JWT_GRANT) {
                requireSecret(schema, JwtGrantMethod.SERVICE_ACCOUNT, method.type());
            }
            if (method instanceof AwsSigV4Method aws) {
                checkAws(aws, schema);
            }
            if (method instanceof ApiKeyMethod key && key.in() == ApiKeyLocation.BASIC
                    && field(schema, key.usernameField()).isEmpty()) {
                throw new IllegalArgumentException("usernameField " + key.usernameField()
                        + " is not a field of the credential schema");
            }
            if (method instanceof ApiKeyMethod key) {
                for (ApiKeyMethod.Also also : key.also()) {
                    // a secret (Trello's token) or a plain setting sent with it (Mixpanel's project_id)
                    if (field(schema, also.field()).isEmpty()) {
                        throw new IllegalArgumentException("also.field " + also.field()
                                + " is not a field of the credential schema");
                    }
                }
            }
        }
    }

    /** With a schema, the key pair is secret; a region field is a non-secret field of the schema. */
    private static void checkAws(AwsSigV4Method aws, CredentialSchema schema) {
        if (schema != null) {
            requireSecret(schema, AwsSigV4Method.ACCESS_KEY_ID, aws.type());
            requireSecret(schema, AwsSigV4Method.SECRET_ACCESS_KEY, aws.type());
        }
        if (aws.regionField() != null
                && field(schema, aws.regionField()).filter(f -> !f.secret()).isEmpty()) {
            throw new IllegalArgumentException("regionField " + aws.regionField()
                    + " is not a non-secret field of the credential schema");
        }
    }

    private static void requireSecret(CredentialSchema schema, String name, AuthMethodType type) {
        if (field(schema, name).filter(SchemaField::secret).isEmpty()) {
            throw new IllegalArgumentException(type + (schema == null ? " needs a credential schema with"
                    : " with a credential schema needs") + " a secret field " + name);
        }
    }

    private static void requireField(CredentialSchema schema, String name, AuthMethodType type) {
        if (field(schema, name).isEmpty()) {
            throw new IllegalArgumentException(type + " needs a credential schema with a field " + name);
        }
    }

    /**
     * No URL placeholder names a secret field: a URL is logged by the upstream and its proxies and shown in error
     * messages ("the request to host:port timed out"), so a secret never goes into one. A value derived from a secret
     * field may: its pattern takes the part that is not secret (Mailchimp's data centre, the key's {@code -us6}).
     */
    private static void noSecretInUrls(String baseUrl, List<AuthMethod> methods, CredentialSchema schema) {
        List<String> urls = new ArrayList<>();
        urls.add(baseUrl);
        for (AuthMethod method : methods) {
            if (method instanceof ClientCredentialsMethod grant) {
                urls.add(grant.tokenUrl());
            }
            if (method instanceof OAuth2Method oauth) {
                Collections.addAll(urls, oauth.authorizeUrl(), oauth.tokenUrl(), oauth.revokeUrl(), oauth.issuer(),
                        oauth.userinfoUrl());
            }
        }
        for (String url : urls) {
            for (String name : UrlTemplate.placeholders(url)) {
                if (field(schema, name).filter(SchemaField::secret).isPresent()) {
                    throw new IllegalArgumentException("a URL uses {" + name + "}, the secret field " + name
                            + ": a secret never goes into a URL");
                }
            }
        }
    }

    private static Optional<DerivedValue> derived(CredentialSchema schema, String name) {
        return schema == null ? Optional.empty() : schema.derivedValue(name);
    }

    private static Optional<SchemaField> field(CredentialSchema schema, String name) {
        return schema == null ? Optional.empty() : schema.field(name);
    }
}
