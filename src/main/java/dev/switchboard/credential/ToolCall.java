package dev.switchboard.credential;

import dev.switchboard.tool.Tool;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One tool call to run with one of the caller's credentials.
 *
 * @param bundle the bundle the call came through, recorded with the execution
 */
public record ToolCall(String userId, Tool tool, JsonNode arguments, Credential credential,
    Optional<String> bundle) {}
