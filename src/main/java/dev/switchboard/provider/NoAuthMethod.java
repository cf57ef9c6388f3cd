package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Nothing is added to upstream requests. Wire: {@code {"type": "NONE"}}. A provider whose credential schema
 * carries connection details that are not HTTP auth (a built-in database tool set) also uses NONE.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoAuthMethod() implements AuthMethod {

    @Override
    public AuthMethodType type() {
        return AuthMethodType.NONE;
    }
}
