package dev.switchboard.oauth;

import java.util.Optional;

/** Where a provider's authorization server takes each step; optional ones may be absent. */
public record Endpoints(String authorize, String token, Optional<String> revoke, Optional<String> userinfo) {}
