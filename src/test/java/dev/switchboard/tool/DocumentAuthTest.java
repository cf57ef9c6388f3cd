package dev.switchboard.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.provider.ApiKeyLocation;
import dev.switchboard.provider.ApiKeyMethod;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.BearerMethod;
import dev.switchboard.provider.NoAuthMethod;
import dev.switchboard.provider.OAuth2Method;
import dev.switchboard.provider.SchemaField;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Security schemes and requirements become auth methods; parameters carrying secrets leave tool inputs. */
class DocumentAuthTest {
  private static final String PATHS = """
      paths:
        /things/{id}:
          get:
            operationId: getThing
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
              - {name: key, in: query, required: true, schema: {type: string}}
              - {name: token, in: query, required: true, schema: {type: string}}
              - {name: X-Api-Key, in: header, required: true, schema: {type: string}}
              - {name: session, in: cookie, schema: {type: string}}
              - {name: limit, in: query, schema: {type: integer}}
            responses: {'200': {description: ok}}
          post:
            operationId: postThing
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            requestBody:
              required: true
              content:
                application/x-www-form-urlencoded:
                  schema:
                    type: object
                    required: [token, text]
                    properties: {token: {type: string}, text: {type: string}}
            responses: {'200': {description: ok}}
      """;

  private static ImportReport imported(String components, String security, Set<String> credentialParameters) {
    String document = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://api.example'}]\n"
        + security + "\n" + PATHS + components;
    return OpenApiImport.importDocument("t", document, credentialParameters);
  }

  private static List<AuthMethod> methods(String components, String security) {
    return imported(components, security, Set.of()).auth().methods();
  }

  @Test
  void basicAndBearerAlternativesGiveTwoMethodsAndAUserNameField() {
    ImportReport report = imported("""
        components:
          securitySchemes:
            basicAuth: {type: http, scheme: basic}
            bearerAuth: {type: http, scheme: bearer}
        """, "security: [{basicAuth: []}, {bearerAuth: []}]", Set.of());

    assertThat(report.auth().methods()).containsExactly(
        new ApiKeyMethod(ApiKeyLocation.BASIC, null, null, "username"), new BearerMethod());
    assertThat(report.auth().credentialSchema().orElseThrow().fields()).extracting(SchemaField::name)
        .containsExactly("username", "api_key", "token");
    assertThat(report.auth().credentialSchema().orElseThrow().fields()).noneMatch(SchemaField::required)
        .allMatch(SchemaField::secret);
  }

  @Test
  void apiKeysInHeaderQueryAndCookieBecomeApiKeyMethodsAndLeaveTheInputs() {
    ImportReport report = imported("""
        components:
          securitySchemes:
            header: {type: apiKey, in: header, name: x-api-key}
            cookie: {type: apiKey, in: cookie, name: session}
        """, "security: [{header: []}, {cookie: []}]", Set.of());

    assertThat(report.auth().methods()).containsExactly(ApiKeyMethod.header("x-api-key", null));
    Tool get = TestDocuments.tool(report, "t_get_thing");
    assertThat(get.inputSchema().path("properties").propertyNames()).containsExactlyInAnyOrder("id", "key", "token",
        "limit");
    assertThat(TestDocuments.recipe(get).parameters()).noneMatch(p -> p.wireName().equals("X-Api-Key"));
    assertThat(methods("""
        components:
          securitySchemes:
            cookie: {type: apiKey, in: cookie, name: session}
        """, "")).containsExactly(new ApiKeyMethod(ApiKeyLocation.COOKIE, "session", null, null));
  }

  @Test
  void schemesRequiredTogetherAreOneMethodWithAFieldPerKey() {
    ImportReport report = imported("""
        components:
          securitySchemes:
            apiKey: {type: apiKey, in: query, name: key}
            apiToken: {type: apiKey, in: query, name: token}
        """, "security: [{apiKey: [], apiToken: []}]", Set.of());

    assertThat(report.auth().methods()).containsExactly(new ApiKeyMethod(ApiKeyLocation.QUERY, "key", null, null,
        List.of(new ApiKeyMethod.Also(ApiKeyLocation.QUERY, "token", null, "token"))));
    assertThat(report.auth().credentialSchema().orElseThrow().fields()).extracting(SchemaField::name)
        .containsExactly("api_key", "token");
    assertThat(TestDocuments.tool(report, "t_get_thing").inputSchema().path("properties").propertyNames())
        .containsExactlyInAnyOrder("id", "X-Api-Key", "limit");
  }

  @Test
  void oauth2AuthorizationCodeAndOpenIdConnectBecomeOAuthMethods() {
    List<AuthMethod> oauth = methods("""
        components:
          securitySchemes:
            oauth:
              type: oauth2
              flows:
                implicit: {authorizationUrl: 'https://id.example/implicit', scopes: {}}
                authorizationCode:
                  authorizationUrl: 'https://id.example/authorize'
                  tokenUrl: 'https://id.example/token'
                  scopes: {read: Read things}
        """, "security: [{oauth: [read]}]");
    List<AuthMethod> oidc = methods("""
        components:
          securitySchemes:
            oidc: {type: openIdConnect, openIdConnectUrl: 'https://login.example/tenant/.well-known/openid-configuration'}
        """, "security: [{oidc: []}]");

    assertThat(oauth).singleElement().isInstanceOfSatisfying(OAuth2Method.class, m -> {
      assertThat(m.authorizeUrl()).isEqualTo("https://id.example/authorize");
      assertThat(m.tokenUrl()).isEqualTo("https://id.example/token");
    });
    assertThat(oidc).singleElement().isInstanceOfSatisfying(OAuth2Method.class,
        m -> assertThat(m.issuer()).isEqualTo("https://login.example/tenant"));
  }

  @Test
  void anEmptyRequirementIsNoneAndNoSchemesMeansNoMethods() {
    assertThat(methods("""
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
        """, "security: [{bearer: []}, {}]")).containsExactly(new BearerMethod(), new NoAuthMethod());
    assertThat(methods("", "")).isEmpty();
  }

  @Test
  void credentialParametersLeaveQueryParametersAndBodyFieldsAndAreFilledFromTheCredential() {
    ImportReport report = imported("", "", Set.of("token"));

    Tool get = TestDocuments.tool(report, "t_get_thing");
    Tool post = TestDocuments.tool(report, "t_post_thing");
    assertThat(get.inputSchema().path("properties").has("token")).isFalse();
    assertThat(TestDocuments.recipe(get).credentialParameters())
        .containsExactly(new HttpOperation.CredentialParameter("token", HttpOperation.In.QUERY));
    assertThat(post.inputSchema().path("properties").path("body").path("properties").has("token")).isFalse();
    assertThat(post.inputSchema().path("properties").path("body").path("required").toString())
        .isEqualTo("[\"text\"]");
    assertThat(TestDocuments.recipe(post).credentialParameters())
        .containsExactly(new HttpOperation.CredentialParameter("token", null));
    assertThat(StoredTools.read(StoredTools.write(report.tools())).orElseThrow())
        .extracting(t -> ((HttpOperation) t.recipe()).credentialParameters())
        .contains(List.of(new HttpOperation.CredentialParameter("token", null)));
  }
}
