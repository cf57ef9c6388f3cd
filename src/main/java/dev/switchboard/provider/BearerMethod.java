package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The user pastes a token; it is sent as {@code Authorization: Bearer <token>}. Wire: {@code {"type": "BEARER"}}.
 * Without a credential schema the secret field is {@code token}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BearerMethod() implements AuthMethod {

    @Override
    public AuthMethodType type() {
        return AuthMethodType.BEARER;
    }
}
