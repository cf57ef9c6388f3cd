package dev.switchboard.admin;

import dev.switchboard.provider.AnswerRule;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.CredentialSchema;
import java.util.List;
import java.util.Map;

/**
 * An administrator's request to add an API provider from an OpenAPI document (given as text, or
 * fetched from a URL through the SSRF guard), or a remote MCP server ({@code mcpUrl}).
 *
 * @param baseUrl where the API lives; defaults to the document's first server URL
 * @param authMethods how users authenticate; defaults to what the document's security schemes say, else NONE
 * @param validationTool local name of the default validation tool (optional)
 * @param credentialSchema the fields credentials are made of; defaults to what the document's schemes need
 *     when {@code authMethods} is not given, else none
 * @param credentialParameters names of parameters and top-level body fields that carry a credential (Slack's
 *     {@code token}): left out of tool inputs and filled from the credential
 * @param answers the provider's answer rules ({@link AnswerRule}; optional): how it says no with HTTP 200
 * @param maxCallSeconds for an MCP server: the longest a tool call may last while the server reports progress
 *     (optional; the installation's {@code SWITCHBOARD_MCP_MAX_CALL_MS} when absent)
 */
public record ImportRequest(
    String slug,
    String name,
    String category,
    String description,
    String document,
    String url,
    String baseUrl,
    String mcpUrl,
    List<AuthMethod> authMethods,
    String validationTool,
    Map<String, Object> validationArguments,
    CredentialSchema credentialSchema,
    List<String> credentialParameters,
    List<AnswerRule> answers,
    Integer maxCallSeconds) {

  /** A request without answer rules. */
  public ImportRequest(String slug, String name, String category, String description, String document, String url,
      String baseUrl, String mcpUrl, List<AuthMethod> authMethods, String validationTool,
      Map<String, Object> validationArguments, CredentialSchema credentialSchema, List<String> credentialParameters) {
    this(slug, name, category, description, document, url, baseUrl, mcpUrl, authMethods, validationTool,
        validationArguments, credentialSchema, credentialParameters, null, null);
  }

  /** A request with the installation's longest call. */
  public ImportRequest(String slug, String name, String category, String description, String document, String url,
      String baseUrl, String mcpUrl, List<AuthMethod> authMethods, String validationTool,
      Map<String, Object> validationArguments, CredentialSchema credentialSchema, List<String> credentialParameters,
      List<AnswerRule> answers) {
    this(slug, name, category, description, document, url, baseUrl, mcpUrl, authMethods, validationTool,
        validationArguments, credentialSchema, credentialParameters, answers, null);
  }
}
