package dev.switchboard.web;

import dev.switchboard.account.AccessToken;
import dev.switchboard.account.User;
import dev.switchboard.credential.ConnectionState;
import dev.switchboard.credential.Credential;
import dev.switchboard.provider.AnswerRule;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.CredentialSchema;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.ProviderStatus;
import dev.switchboard.provider.ValidationSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of the REST API (DESIGN.md §7): camelCase names, upper-case enum values. */
final class Views {
  private Views() {}

  record UserView(String id, String email, boolean admin, boolean mustChangePassword, boolean disabled,
      Instant createdAt) {
    static UserView of(User u) {
      return new UserView(u.id(), u.email(), u.admin(), u.mustChangePassword(), u.disabled(), u.createdAt());
    }
  }

  record TokenView(String id, String name, String hint, Instant createdAt, Instant lastUsedAt,
      Instant revokedAt) {
    static TokenView of(AccessToken t) {
      return new TokenView(t.id(), t.name(), t.hint(), t.createdAt(), t.lastUsedAt().orElse(null),
          t.revokedAt().orElse(null));
    }
  }

  record CredentialView(String id, String provider, String authMethod, String label, String status,
      String verification, String verificationCode, String verificationMessage, boolean current,
      List<String> grantedScopes, String account, Instant createdAt, Instant lastUsedAt,
      Instant lastVerifiedAt, Instant accessExpiresAt, Map<String, String> fields) {
    static CredentialView of(Credential c) {
      return new CredentialView(c.id(), c.provider(), c.authMethod().name(), c.label(),
          c.status().name(), c.verification().name(), c.verificationCode().orElse(null),
          c.verificationMessage().orElse(null), c.current(),
          c.grantedScopes().stream().sorted().toList(), c.account().orElse(null), c.createdAt(),
          c.lastUsedAt().orElse(null), c.lastVerifiedAt().orElse(null),
          c.accessExpiresAt().orElse(null), c.fields());
    }
  }

  record ProviderView(String slug, String name, String description, String category,
      String categoryName, String kind, String status, String icon, String docsUrl,
      List<AuthMethod> authMethods, CredentialSchema credentialSchema, ValidationSpec validation,
      String connectionState, String statusReason, List<AnswerRule> answers, Integer maxCallSeconds) {
    static ProviderView of(Provider p, ConnectionState state) {
      return of(p, state, Optional.empty());
    }

    /** With why the provider has its status, when Switchboard set it (the health check). */
    static ProviderView of(Provider p, ConnectionState state, Optional<String> statusReason) {
      return new ProviderView(p.slug(), p.name(), p.description(), p.category().name(),
          p.category().displayName(), p.kind().name(), p.status().name(), p.icon(), p.docsUrl(),
          p.authMethods(), p.credentialSchema(), p.validation(), state.name(),
          p.status() == ProviderStatus.ACTIVE ? null : statusReason.orElse(null), p.answers(), p.maxCallSeconds());
    }
  }

  /** A listing: {@code {"items": [...], "next": cursor-or-null}}. */
  record ItemsView<T>(List<T> items, String next) {}
}
