package dev.switchboard.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.provider.CuratedDocuments.Op;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The security of the curated documents agrees with the catalog: one scheme per auth method, the catalog's OAuth
 * endpoints, and per-operation OAuth scopes the gateway can read as each tool's required scopes.
 */
class CuratedOpenApiSecurityTest {

    @Test
    void securitySchemesAreExactlyTheCatalogAuthMethods() {
        for (Provider provider : CuratedDocuments.withDocument()) {
            Set<String> expected = provider.authMethods().stream().map(CuratedOpenApiSecurityTest::expectedScheme)
                    .filter(Objects::nonNull).collect(Collectors.toSet());

            assertThat(schemes(CuratedDocuments.resolved(provider)).values().stream()
                    .map(CuratedOpenApiSecurityTest::scheme).collect(Collectors.toSet()))
                    .as(provider.slug()).isEqualTo(expected);
        }
    }

    @Test
    void oauthSchemeUsesTheCatalogEndpointsAndDeclaresTheDefaultScopes() {
        for (Provider provider : CuratedDocuments.withDocument()) {
            if (provider.authMethod(AuthMethodType.OAUTH2).orElse(null) instanceof OAuth2Method oauth) {
                OAuthFlow flow = oauthFlow(CuratedDocuments.resolved(provider));

                assertThat(flow.getAuthorizationUrl()).as(provider.slug()).isEqualTo(oauth.authorizeUrl());
                assertThat(flow.getTokenUrl()).as(provider.slug()).isEqualTo(oauth.tokenUrl());
                assertThat(flow.getScopes().keySet()).as(provider.slug()).containsAll(oauth.defaultScopes());
            }
        }
    }

    @Test
    void everyOperationNeedsACredentialUnlessTheProviderIsPublic() {
        for (Provider provider : CuratedDocuments.withDocument()) {
            OpenAPI document = CuratedDocuments.resolved(provider);
            boolean open = provider.supports(AuthMethodType.NONE);
            for (Op op : CuratedDocuments.operations(document)) {
                List<SecurityRequirement> security = CuratedDocuments.security(document, op.operation());

                if (open) {
                    assertThat(security).as(op.id()).allSatisfy(requirement -> assertThat(requirement).isEmpty());
                } else {
                    // One scheme per requirement: alternatives, never a combination (and never anonymous).
                    assertThat(security).as(provider.slug() + " " + op.id()).isNotEmpty()
                            .allSatisfy(requirement -> assertThat(requirement).hasSize(1));
                }
            }
        }
    }

    @Test
    void requirementsNameDeclaredSchemesAndOnlyOAuthRequirementsListDeclaredScopes() {
        for (Provider provider : CuratedDocuments.withDocument()) {
            OpenAPI document = CuratedDocuments.resolved(provider);
            Map<String, SecurityScheme> schemes = schemes(document);
            for (Op op : CuratedDocuments.operations(document)) {
                for (SecurityRequirement requirement : CuratedDocuments.security(document, op.operation())) {
                    requirement.forEach((name, scopes) -> {
                        assertThat(schemes).as(op.id()).containsKey(name);
                        if (schemes.get(name).getType() == SecurityScheme.Type.OAUTH2) {
                            assertThat(oauthFlow(document).getScopes().keySet()).as(op.id()).containsAll(scopes);
                        } else {
                            assertThat(scopes).as(op.id()).isEmpty();
                        }
                    });
                }
            }
        }
    }

    @Test
    void everyOperationOfAnOAuthProviderHasOneOAuthRequirement() {
        for (Provider provider : CuratedDocuments.withDocument()) {
            if (!provider.supports(AuthMethodType.OAUTH2)) {
                continue;
            }
            OpenAPI document = CuratedDocuments.resolved(provider);
            for (Op op : CuratedDocuments.operations(document)) {
                assertThat(CuratedDocuments.security(document, op.operation()))
                        .as(provider.slug() + " " + op.id()).filteredOn(requirement -> requirement.keySet().stream()
                                .anyMatch(name -> isOAuth(document, name))).hasSize(1);
            }
        }
    }

    @Test
    void validationToolNeedsNoScopeBeyondTheDefaultScopes() {
        for (Provider provider : CuratedDocuments.withDocument()) {
            if (provider.authMethod(AuthMethodType.OAUTH2).orElse(null) instanceof OAuth2Method oauth) {
                assertThat(requiredScopes(provider.slug(), provider.validation().tool())).as(provider.slug())
                        .isSubsetOf(oauth.defaultScopes());
            }
        }
    }

    @Test
    void knownToolsNeedTheirServicesScopes() {
        assertThat(requiredScopes("github", "create_issue")).containsExactly("repo");
        assertThat(requiredScopes("github", "get_authenticated_user")).containsExactly("read:user");
        assertThat(requiredScopes("slack", "auth_test")).isEmpty();
        assertThat(requiredScopes("slack", "list_conversations")).containsExactly("channels:read");
        assertThat(requiredScopes("slack", "post_message")).containsExactly("chat:write");
        assertThat(requiredScopes("google", "list_gmail_messages"))
                .containsExactly("https://www.googleapis.com/auth/gmail.readonly");
        assertThat(requiredScopes("hubspot", "create_contact")).containsExactly("crm.objects.contacts.write");
    }

    @Test
    void slackOperationsAreWebApiMethodsUnderTheApiPath() {
        Provider slack = CuratedDocuments.catalog().require("slack");

        assertThat(slack.baseUrl()).endsWith("/api");
        assertThat(CuratedDocuments.operations(CuratedDocuments.resolved(slack))).allSatisfy(op -> {
            assertThat(op.path()).matches("/[a-z]+(\\.[a-z][A-Za-z]*)+");
            assertThat(op.method()).isIn("GET", "POST");
        });
    }

    /** The scopes of the operation's OAuth requirement: what the gateway records as the tool's required scopes. */
    private static List<String> requiredScopes(String slug, String operationId) {
        OpenAPI document = CuratedDocuments.resolved(CuratedDocuments.catalog().require(slug));
        Op op = CuratedDocuments.operations(document).stream().filter(candidate -> candidate.id().equals(operationId))
                .findFirst().orElseThrow(() -> new AssertionError(slug + " has no operation " + operationId));
        return CuratedDocuments.security(document, op.operation()).stream()
                .flatMap(requirement -> requirement.entrySet().stream())
                .filter(entry -> isOAuth(document, entry.getKey()))
                .flatMap(entry -> entry.getValue().stream()).toList();
    }

    private static Map<String, SecurityScheme> schemes(OpenAPI document) {
        if (document.getComponents() == null || document.getComponents().getSecuritySchemes() == null) {
            return Map.of();
        }
        return document.getComponents().getSecuritySchemes();
    }

    private static boolean isOAuth(OpenAPI document, String name) {
        return schemes(document).get(name).getType() == SecurityScheme.Type.OAUTH2;
    }

    private static OAuthFlow oauthFlow(OpenAPI document) {
        SecurityScheme oauth = schemes(document).values().stream()
                .filter(scheme -> scheme.getType() == SecurityScheme.Type.OAUTH2).findFirst().orElseThrow();
        return Objects.requireNonNull(oauth.getFlows().getAuthorizationCode(), "authorizationCode flow");
    }

    /** The scheme a catalog auth method calls for, in the notation of {@link #scheme}; null for NONE. */
    private static String expectedScheme(AuthMethod method) {
        if (method instanceof ApiKeyMethod key) {
            return switch (key.in()) {
                case BASIC -> "http:basic";
                case QUERY -> "apiKey:query:" + key.name();
                case COOKIE -> "apiKey:cookie:" + key.name();
                case HEADER -> "Authorization".equalsIgnoreCase(key.name()) && "Bearer ".equals(key.prefix())
                        ? "http:bearer" : "apiKey:header:" + key.name();
            };
        }
        return switch (method.type()) {
            case OAUTH2 -> "oauth2";
            // the API sees the token the gateway got with the grant
            case BEARER, CLIENT_CREDENTIALS, JWT_GRANT -> "http:bearer";
            // AWS's own descriptions declare SigV4 as an Authorization header key (x-amazon-apigateway-authtype)
            case AWS_SIGV4 -> "apiKey:header:Authorization";
            case API_KEY, NONE -> null;
        };
    }

    private static String scheme(SecurityScheme scheme) {
        return switch (scheme.getType()) {
            case OAUTH2 -> "oauth2";
            case HTTP -> "http:" + scheme.getScheme().toLowerCase(Locale.ROOT);
            case APIKEY -> "apiKey:" + scheme.getIn() + ":" + scheme.getName();
            default -> scheme.getType().toString();
        };
    }
}
