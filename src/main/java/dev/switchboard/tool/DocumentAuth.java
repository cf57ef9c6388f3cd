package dev.switchboard.tool;

import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.CredentialSchema;
import java.util.List;
import java.util.Optional;

/**
 * How a description says its API authenticates, as the provider's auth methods: read from its
 * {@code securitySchemes} and {@code security} (rules in {@code docs/openapi-import.md}). Immutable.
 *
 * @param methods the auth methods, in the order the document lists its requirements; empty when the
 *     document declares no scheme the gateway can use
 * @param credentialSchema the credential fields those methods need beyond the single-secret defaults
 *     (HTTP basic's user name, the further keys of a requirement naming several schemes), or empty
 * @param notes what was left out and why (an implicit flow, a requirement combining OAuth with a key)
 */
public record DocumentAuth(List<AuthMethod> methods, Optional<CredentialSchema> credentialSchema, List<String> notes) {
  public DocumentAuth {
    methods = List.copyOf(methods);
    notes = List.copyOf(notes);
  }

  /** No auth declared. */
  public static DocumentAuth none() {
    return new DocumentAuth(List.of(), Optional.empty(), List.of());
  }
}
