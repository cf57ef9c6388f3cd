package dev.switchboard.web.pages;

import java.util.List;

/**
 * "Choose Validation Tool": which credential to test, which of the provider's tools to run, and its
 * arguments from the tool's input schema.
 *
 * @param tool the chosen tool's local name; empty when the provider lists no tools here (the
 *     default validation tool runs)
 * @param error a message about the run (for example arguments the schema refused), or null
 */
public record ValidationPanel(List<Option> credentials, List<Option> tools, String tool, String credential,
    String toolDescription, List<ArgField> arguments, String error) {}
