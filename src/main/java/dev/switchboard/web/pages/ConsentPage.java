package dev.switchboard.web.pages;

import java.util.List;
import java.util.Map;

/**
 * The consent page: who asks ({@code clientName}, the host it redirects to, whether a metadata
 * document at {@code metadataUrl} vouches for it) for what ({@code target}, its tools and
 * providers); {@code parameters} travel in the form as hidden fields.
 */
public record ConsentPage(String clientName, String redirectHost, boolean verified, String metadataUrl,
    String target, String resource, List<String> tools, List<String> providers, Map<String, String> parameters) {}
