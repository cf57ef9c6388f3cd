package dev.switchboard.upstream.internal;

import java.util.Optional;

/** What the mapper needs of an upstream HTTP answer. */
record UpstreamResponse(int status, String contentType, byte[] body, boolean truncated,
    Optional<String> retryAfter, long maxBytes) {}
