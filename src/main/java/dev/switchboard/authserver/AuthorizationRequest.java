package dev.switchboard.authserver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An authorization request that passed every check (client, redirect URI, PKCE, resource), waiting
 * for the user's consent.
 *
 * @param resource the canonical URL of the MCP endpoint asked for (RFC 8707), as the client named it
 * @param resourcePath its path: {@code /mcp/hub} or {@code /mcp/bundle/{slug}}
 * @param state the client's {@code state}, echoed on the redirect (may be null)
 * @param scope the scope asked for (may be null); Switchboard has one implicit scope, the resource
 */
public record AuthorizationRequest(ClientInfo client, String redirectUri, String state, String codeChallenge,
    String resource, String resourcePath, String scope) {

  /** The bundle slug asked for, or null for the hub. */
  public String bundleSlug() {
    return resourcePath.startsWith(ResourceNames.BUNDLE_PREFIX)
        ? resourcePath.substring(ResourceNames.BUNDLE_PREFIX.length()) : null;
  }

  /** The request's parameters again, to carry through the sign-in page and the consent form. */
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", client.id());
    p.put("redirect_uri", redirectUri);
    p.put("code_challenge", codeChallenge);
    p.put("code_challenge_method", "S256");
    p.put("resource", resource);
    if (state != null) {
      p.put("state", state);
    }
    if (scope != null) {
      p.put("scope", scope);
    }
    return p;
  }
}
