package dev.switchboard.tool.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth scopes an operation needs. Its {@code security} (else the document's) lists
 * alternatives; the first requirement that names an {@code oauth2} or {@code openIdConnect} scheme
 * wins and its scopes for those schemes are the answer. No such requirement: no scopes.
 */
final class SecurityScopes {
  private SecurityScopes() {}

  static Set<String> of(ApiDocument document, JsonNode operation) {
    JsonNode requirements = operation.has("security") ? operation.get("security") : document.root().path("security");
    JsonNode schemes = document.root().path("components").path("securitySchemes");
    for (JsonNode requirement : requirements) {
      Set<String> scopes = new TreeSet<>();
      boolean oauth = false;
      for (Map.Entry<String, JsonNode> entry : requirement.properties()) {
        String type = Nodes.text(document.deref(schemes.path(entry.getKey())), "type");
        if (type.equals("oauth2") || type.equals("openIdConnect")) {
          oauth = true;
          entry.getValue().forEach(scope -> scopes.add(scope.asString()));
        }
      }
      if (oauth) {
        return scopes;
      }
    }
    return Set.of();
  }
}
