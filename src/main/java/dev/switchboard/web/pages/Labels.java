package dev.switchboard.web.pages;

import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.ProviderKind;

/** The words the dashboard uses for enum values. */
final class Labels {
  private Labels() {}

  static String method(AuthMethodType type) {
    return switch (type) {
      case API_KEY -> "API key";
      case BEARER -> "Bearer token";
      case OAUTH2 -> "OAuth 2.0";
      case NONE -> "No authentication";
      case CLIENT_CREDENTIALS -> "OAuth 2.0 client credentials";
      case JWT_GRANT -> "Service account key";
      case AWS_SIGV4 -> "AWS access key";
    };
  }

  static String kind(ProviderKind kind) {
    return kind == ProviderKind.MCP ? "MCP server" : "REST API";
  }
}
