package dev.switchboard.web;

import dev.switchboard.account.AccessTokens;
import dev.switchboard.account.Sessions;
import dev.switchboard.account.Users;
import dev.switchboard.credential.CredentialCreation;
import dev.switchboard.credential.Credentials;
import dev.switchboard.provider.Catalog;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything the web edge calls, built by the composition root.
 *
 * @param readiness named checks behind {@code /readyz} (for example "database", "vault")
 * @param secureCookies whether cookies carry the Secure flag (true when the base URL is https)
 * @param sessionTtl how long the session cookie lives
 */
public record WebDependencies(
    JsonMapper json,
    Users users,
    Sessions sessions,
    AccessTokens tokens,
    Catalog catalog,
    Credentials credentials,
    CredentialCreation creation,
    Map<String, BooleanSupplier> readiness,
    long maxBodyBytes,
    boolean secureCookies,
    Duration sessionTtl) {}
