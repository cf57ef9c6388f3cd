package dev.switchboard.app;

import java.time.Duration;

/**
 * The limits that keep users apart (issue 12; {@code docs/architecture.md}, "Limits that keep users
 * apart"). Zero or less means no limit, except where the constructor says otherwise.
 *
 * @param callsPerUser tool calls one user may have in flight ({@code SWITCHBOARD_MAX_CALLS_PER_USER})
 * @param callsPerUserProvider tool calls one user may have in flight to one provider; also one
 *     user's share of a destination's outbound connections, so it must be below
 *     {@code connectionsPerHost} ({@code SWITCHBOARD_MAX_CALLS_PER_USER_PROVIDER})
 * @param streamsPerUser open MCP notification streams (GET, legacy SSE, listen) of one user
 *     ({@code SWITCHBOARD_MAX_STREAMS_PER_USER})
 * @param connectionsPerHost outbound connections to one destination (scheme, host, port), shared by
 *     every user ({@code SWITCHBOARD_OUTBOUND_CONNECTIONS_PER_HOST})
 * @param bodyTimeout how long a request body may take to arrive in full
 *     ({@code SWITCHBOARD_BODY_TIMEOUT_MS})
 * @param anonymousBodies requests with a body but no credential that authenticates (a live access
 *     token or session) served at once ({@code SWITCHBOARD_MAX_ANONYMOUS_BODIES})
 */
public record RequestLimits(int callsPerUser, int callsPerUserProvider, int streamsPerUser,
    int connectionsPerHost, Duration bodyTimeout, int anonymousBodies) {

  public RequestLimits {
    if (connectionsPerHost < 1) {
      throw new IllegalArgumentException("SWITCHBOARD_OUTBOUND_CONNECTIONS_PER_HOST must be at least 1");
    }
    if (callsPerUserProvider < 1 || callsPerUserProvider >= connectionsPerHost) {
      throw new IllegalArgumentException("SWITCHBOARD_MAX_CALLS_PER_USER_PROVIDER must be at least 1 and below "
          + "SWITCHBOARD_OUTBOUND_CONNECTIONS_PER_HOST (" + connectionsPerHost
          + "), so that one user cannot take every connection to a host");
    }
    if (bodyTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("SWITCHBOARD_BODY_TIMEOUT_MS must be at least 1");
    }
  }

  /** The defaults: 32 calls per user, 16 per user and provider, 16 streams, 256 connections per host, 10 s bodies, 32 anonymous bodies. */
  public static RequestLimits defaults() {
    return new RequestLimits(32, 16, 16, 256, Duration.ofSeconds(10), 32);
  }
}
