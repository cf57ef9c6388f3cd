package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The request the background health check sends a provider (docs/credentials.md, "Provider health"),
 * as catalog data: a request that needs no secret, such as a public status or discovery endpoint.
 * Without one, the default health request is a plain GET of the provider's base URL (API) or MCP
 * server URL (MCP).
 *
 * @param method {@code GET} (the default when null) or {@code HEAD}
 * @param path appended to the provider's base URL or MCP server URL: starts with {@code /}, may carry
 *     a query ({@code /forecast?latitude=52.52}), no spaces, fragment or {@code {placeholders}}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthRequest(String method, String path) {

    /** A relative path with an optional query: no scheme, host, fragment, spaces or placeholders. */
    public static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*");

    public HealthRequest {
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new IllegalArgumentException("health: 'method' is GET or HEAD, not '" + method + "'");
        }
        if (path == null || !PATH.matcher(path).matches() || path.startsWith("//")) {
            throw new IllegalArgumentException("health: 'path' is a path like /status or /forecast?latitude=1, "
                    + "relative to the provider's URL, not '" + path + "'");
        }
    }
}
