package dev.switchboard.provider;

/** What an {@link AnswerRule} says an upstream answer means, whatever its HTTP status. */
public enum AnswerVerdict {
    /** The call succeeded. */
    OK,
    /** The provider refused the credential (as HTTP 401/403 would). */
    REJECTED,
    /** The provider limits the rate of calls (as HTTP 429 would); the credential is fine. */
    RATE_LIMITED,
    /** The provider refused this request (as another 4xx would); the credential is fine. */
    REFUSED,
    /** The provider failed (as a 5xx would). */
    UNAVAILABLE
}
