package dev.switchboard.testing;

/**
 * A small OAuth-protected API description for tests: {@code get_me} needs {@code read},
 * {@code create_thing} also {@code write}.
 */
public final class AcmeApi {
  public static final String OPENAPI = String.join("\n",
      "openapi: 3.0.3",
      "info: {title: Acme, version: \"1\"}",
      "servers: [{url: https://acme.example}]",
      "components:",
      "  securitySchemes:",
      "    oauth:",
      "      type: oauth2",
      "      flows:",
      "        authorizationCode:",
      "          authorizationUrl: https://acme.example/authorize",
      "          tokenUrl: https://acme.example/token",
      "          scopes: {read: Read, write: Write}",
      "paths:",
      "  /me:",
      "    get:",
      "      operationId: get_me",
      "      security: [{oauth: [read]}]",
      "      responses: {'200': {description: ok}}",
      "  /things:",
      "    post:",
      "      operationId: create_thing",
      "      security: [{oauth: [read, write]}]",
      "      requestBody:",
      "        content: {application/json: {schema: {type: object}}}",
      "      responses: {'200': {description: ok}}") + "\n";

  private AcmeApi() {}
}
