package dev.switchboard.provider;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a provider says yes or no beyond its HTTP status, as catalog data (docs/providers.md, "Answer
 * rules"): Slack answers {@code 200 {"ok": false, "error": "invalid_auth"}} for a rejected token,
 * GraphQL APIs answer 200 with {@code errors}, GitHub answers 403 with {@code x-ratelimit-remaining: 0}
 * when it limits the rate. A rule matches when every condition it names holds; the first matching rule
 * of a provider decides the answer, else the HTTP status does. Used on tool calls and so at
 * verification (which runs a tool).
 *
 * @param status the statuses it applies to, or null for any
 * @param header a response header whose value is tested (case-insensitive name), or null
 * @param path a JSON path into the body ({@code $.ok}, {@code $.errors[0].extensions.code}) whose
 *     value is tested, or null; a body that is not JSON never matches a rule with a path
 * @param is the value the header or path must have (a JSON scalar; a header compares as text), or null
 * @param present when set: whether the header or path must exist (ignored when {@code is} is set);
 *     when neither this nor {@code is} is set, the header or path must exist
 * @param verdict what a match means; required
 * @param reason a JSON path whose text is the reason given (redacted), or null for the status line
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnswerRule(List<Integer> status, String header, String path, Object is, Boolean present,
        AnswerVerdict verdict, String reason) {

    /** {@code $}, then {@code .name} or {@code [index]} steps. */
    public static final Pattern PATH = Pattern.compile("\\$((\\.[A-Za-z0-9_-]+)|(\\[[0-9]{1,4}\\]))*");

    public AnswerRule {
        status = status == null ? null : List.copyOf(status);
        if (verdict == null) {
            throw new IllegalArgumentException("answer rule: 'verdict' is required");
        }
        if (status == null && header == null && path == null) {
            throw new IllegalArgumentException("answer rule: name a 'status', a 'header' or a 'path'");
        }
        if (header != null && path != null) {
            throw new IllegalArgumentException("answer rule: test a 'header' or a 'path', not both");
        }
        if (status != null && status.stream().anyMatch(s -> s == null || s < 100 || s > 599)) {
            throw new IllegalArgumentException("answer rule: 'status' holds HTTP statuses (100-599)");
        }
        checkPath(path, "path");
        checkPath(reason, "reason");
        if (is != null && !(is instanceof String || is instanceof Number || is instanceof Boolean)) {
            throw new IllegalArgumentException("answer rule: 'is' is a string, number or boolean");
        }
    }

    private static void checkPath(String path, String property) {
        if (path != null && !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("answer rule: '" + property + "' is a JSON path like $.error or "
                    + "$.errors[0].message, not '" + path + "'");
        }
    }
}
