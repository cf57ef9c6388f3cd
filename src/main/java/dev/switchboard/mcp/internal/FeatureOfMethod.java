package dev.switchboard.mcp.internal;

import dev.switchboard.bundle.BundleFeatures;
import tools.jackson.databind.JsonNode;

/**
 * The feature a relayed method belongs to, as a bundle chooses it: {@code resources},
 * {@code prompts}, {@code logging}, or {@code completions} for a {@code completion/complete} that
 * completes neither a prompt nor a resource. A completion belongs to what it completes.
 */
final class FeatureOfMethod {
  private FeatureOfMethod() {}

  static String of(String method, JsonNode params) {
    if (method.startsWith("resources/")) {
      return "resources";
    }
    if (method.startsWith("prompts/")) {
      return "prompts";
    }
    if (method.startsWith("logging/")) {
      return "logging";
    }
    String ref = params.path("ref").path("type").asString("");
    if (ref.equals("ref/prompt")) {
      return "prompts";
    }
    if (ref.equals("ref/resource")) {
      return "resources";
    }
    return "completions";
  }

  static boolean offered(String feature, BundleFeatures features) {
    switch (feature) {
      case "resources":
        return features.resources();
      case "prompts":
        return features.prompts();
      case "logging":
        return features.logging();
      default:
        return features.completions();
    }
  }
}
