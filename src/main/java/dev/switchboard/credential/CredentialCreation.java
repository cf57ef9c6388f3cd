package dev.switchboard.credential;

import dev.switchboard.audit.AuditTrail;
import dev.switchboard.credential.internal.CredentialRows;
import dev.switchboard.error.FieldErrors;
import dev.switchboard.error.SwitchboardException;
import dev.switchboard.provider.AuthMethod;
import dev.switchboard.provider.AuthMethodType;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.provider.Provider;
import dev.switchboard.provider.SchemaField;
import dev.switchboard.provider.SchemaFieldValidator;
import dev.switchboard.store.Ids;
import dev.switchboard.store.UniqueViolation;
import dev.switchboard.vault.SealedPayload;
import dev.switchboard.vault.SecretFields;
import dev.switchboard.vault.SecretMask;
import dev.switchboard.vault.Vault;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Saving a new credential (DESIGN.md §4): the fields are checked against the provider's schema for
 * the chosen auth method, every value goes into one encrypted payload bound to the owner and the
 * new id, and the row starts ACTIVE + UNVERIFIED. It is not current: only a VERIFIED credential
 * becomes current ({@link CurrentCredential}).
 */
public final class CredentialCreation {
  private static final int MAX_LABEL = 100;
  private final CredentialRows rows;
  private final ProviderRegistry catalog;
  private final Vault vault;
  private final Clock clock;
  private final CredentialEvents events;
  private final AuditHook audit;

  public CredentialCreation(CredentialRows rows, ProviderRegistry catalog, Vault vault, Clock clock,
      CredentialEvents events, AuditTrail audit) {
    this.audit = new AuditHook(audit);
    this.rows = rows;
    this.catalog = catalog;
    this.vault = vault;
    this.clock = clock;
    this.events = events;
  }

  public Credential create(String userId, NewCredential request) {
    Provider provider = provider(request.provider());
    AuthMethodType method = method(provider, request.authMethod());
    List<SchemaField> schema = provider.fieldsFor(method);
    Map<String, String> problems = new LinkedHashMap<>(SchemaFieldValidator.validate(schema, request.fields()));
    // the method's own needs, which a schema shared with another method marks optional; a default
    // satisfies one
    for (String needed : provider.authMethod(method).map(AuthMethod::requiredFields).orElse(List.of())) {
      Object value = request.fields().get(needed);
      boolean defaulted = schema.stream().anyMatch(f -> f.name().equals(needed) && f.defaultValue() != null);
      if (!problems.containsKey(needed) && !defaulted && (value == null || value.toString().isBlank())) {
        problems.put(needed, "is required for " + method);
      }
    }
    if (!problems.isEmpty()) {
      throw new FieldErrors(prefixed(problems));
    }
    boolean named = request.label() != null && !request.label().isBlank();
    String wanted = named ? checkLabel(request.label()) : provider.name();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> display = new LinkedHashMap<>();
    for (SchemaField field : schema) {
      Object raw = request.fields().get(field.name());
      if (raw == null || raw.toString().isEmpty()) {
        continue;
      }
      String value = raw.toString();
      values.put(field.name(), value);
      display.put(field.name(), !field.secret() ? value
          : field.masksFully() ? SecretMask.hidden() : SecretMask.mask(value));
    }
    String id = Ids.next("cred");
    SealedPayload sealed = vault.seal(userId, id, SecretFields.of(values));
    // a name taken by a concurrent request between the check and the insert: checked again, so the
    // caller gets the same answer as if it had come second (a chosen name refused, a default one moved on)
    Credential saved = UniqueViolation.retried(() -> rows.jdbi().inTransaction(h -> {
      // profile names are unique per user and provider: a chosen one must be free, a default is made so
      List<Credential> siblings = rows.ofProvider(h, userId, provider.slug());
      if (named) {
        ProfileNames.requireFree(siblings, wanted, provider.name(), Optional.empty());
      }
      String label = named ? wanted : ProfileNames.free(siblings, wanted);
      Credential credential = new Credential(id, userId, provider.slug(), method, label,
          CredentialStatus.ACTIVE, Verification.UNVERIFIED, Optional.empty(), Optional.empty(),
          Set.of(), Optional.empty(), Optional.empty(), clock.instant(), Optional.empty(),
          Optional.empty(), 0, 0, sealed.keyId(), display, false);
      rows.insert(h, credential, sealed);
      return rows.find(h, userId, id).orElseThrow();
    }));
    events.changed(userId, id);
    audit.record(userId, "CREATED", id, saved.provider(), saved.authMethod().name());
    return saved;
  }

  static String checkLabel(String label) {
    String trimmed = label == null ? "" : label.trim();
    if (trimmed.isEmpty() || trimmed.length() > MAX_LABEL) {
      throw new FieldErrors(Map.of("label", "must have 1 to " + MAX_LABEL + " characters"));
    }
    return trimmed;
  }

  private Provider provider(String slug) {
    if (slug == null || slug.isBlank()) {
      throw new FieldErrors(Map.of("provider", "is required"));
    }
    return catalog.find(slug)
        .orElseThrow(() -> new FieldErrors(Map.of("provider", "is not a known provider")));
  }

  private static AuthMethodType method(Provider provider, String name) {
    if (name == null || name.isBlank()) {
      throw new FieldErrors(Map.of("authMethod", "is required"));
    }
    AuthMethodType method;
    try {
      method = AuthMethodType.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FieldErrors(Map.of("authMethod", "must be one of " + Arrays.toString(AuthMethodType.values())));
    }
    if (!provider.supports(method)) {
      throw new FieldErrors(Map.of("authMethod", "is not offered by " + provider.name()));
    }
    if (method == AuthMethodType.OAUTH2) {
      throw SwitchboardException.invalid("use_oauth_flow",
          "OAuth credentials are created by POST /api/v1/oauth/" + provider.slug() + "/start");
    }
    return method;
  }

  private static Map<String, String> prefixed(Map<String, String> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    problems.forEach((field, message) -> out.put("fields." + field, message));
    return out;
  }
}
